package importer

// touchedSet remembers, for each customer a file already matched or
// created, the file line that did it, so that a second row on the same
// customer is reported with the first one's line.
//
// Customer IDs are dense (AUTOINCREMENT), so lines are kept in pages of
// 4096 int32 indexed by ID: 16 KiB per page, about 4 MB for a million
// customers, where a Go map would take ten times that (and twice during
// its growth) — the one structure of an import that grows with the file.
type touchedSet struct {
	pages map[int64]*[touchedPage]int32
}

const touchedPage = 4096

func newTouchedSet() *touchedSet { return &touchedSet{pages: map[int64]*[touchedPage]int32{}} }

// line returns the line that touched id, or 0.
func (s *touchedSet) line(id int64) int {
	p := s.pages[id/touchedPage]
	if p == nil {
		return 0
	}
	return int(p[id%touchedPage])
}

// set records that line touched id (lines are ≥ 1).
func (s *touchedSet) set(id int64, line int) {
	p := s.pages[id/touchedPage]
	if p == nil {
		p = new([touchedPage]int32)
		s.pages[id/touchedPage] = p
	}
	p[id%touchedPage] = int32(line)
}
