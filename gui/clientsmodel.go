package gui

import (
	"context"
	"time"

	"carnet/internal/store"
)

// Rows are fetched in pages of pageSize and at most maxPages stay cached:
// scrolling a million customers reads only what is on screen, and memory
// stays flat.
const (
	pageSize = 200
	maxPages = 50
)

// clientsModel is the Clients table's data: the current query, the number
// of matches and an LRU cache of pages by page index. It is touched on the
// UI goroutine only; fetches run in the background and come back with
// fyne.Do, dropped when the query changed meanwhile (gen).
type clientsModel struct {
	u       *ui
	query   store.Query
	gen     int
	total   int
	counted bool
	pages   map[int][]store.ListRow
	lru     []int // page indexes, most recent last
	loading map[int]bool
	// changed is called on the UI goroutine when rows or the count arrive.
	changed func()
	cancel  context.CancelFunc
	// when the current query's first rows and count arrived (benchmarks)
	firstRowsAt, countedAt time.Time
}

func newClientsModel(u *ui) *clientsModel {
	return &clientsModel{u: u, pages: map[int][]store.ListRow{}, loading: map[int]bool{}, changed: func() {}}
}

// setQuery replaces the query, forgets cached rows and counts the matches
// again; the first page is fetched at once so the table fills quickly.
func (m *clientsModel) setQuery(q store.Query) {
	q.Offset, q.Limit = 0, 0
	m.query = q
	m.gen++
	if m.cancel != nil {
		m.cancel() // a stale search is not worth finishing
	}
	ctx, cancel := context.WithCancel(context.Background())
	m.cancel = cancel
	m.pages = map[int][]store.ListRow{}
	m.lru = m.lru[:0]
	m.loading = map[int]bool{}
	m.counted = false
	gen, svc := m.gen, m.u.svc
	m.u.work.Go(func() {
		n, err := svc.Count(ctx, q)
		m.u.work.Do(func() {
			if gen != m.gen {
				return
			}
			if err != nil {
				if ctx.Err() == nil {
					m.u.showError(err)
				}
				return
			}
			m.total, m.counted = n, true
			m.countedAt = time.Now()
			m.changed()
		})
	})
	m.fetch(0, ctx)
}

// row returns row i, or nil while its page loads (the cell shows a
// placeholder and is redrawn when the page arrives).
func (m *clientsModel) row(i int) *store.ListRow {
	p := i / pageSize
	rows, ok := m.pages[p]
	if !ok {
		if !m.loading[p] {
			m.fetch(p, nil)
		}
		return nil
	}
	m.touch(p)
	if j := i % pageSize; j < len(rows) {
		return &rows[j]
	}
	return nil
}

func (m *clientsModel) fetch(page int, ctx context.Context) {
	if ctx == nil {
		ctx = context.Background()
	}
	m.loading[page] = true
	q := m.query
	q.Offset, q.Limit = page*pageSize, pageSize
	gen, svc := m.gen, m.u.svc
	m.u.work.Go(func() {
		rows, err := svc.Search(ctx, q)
		m.u.work.Do(func() {
			if gen != m.gen {
				return
			}
			delete(m.loading, page)
			if err != nil {
				return
			}
			m.pages[page] = rows
			if page == 0 && !m.counted {
				// Draw the first rows without waiting for the count: a
				// short first page is the exact count, a full one is at
				// least that many rows.
				m.total = max(len(rows), min(m.total, pageSize))
				if len(rows) < pageSize {
					m.total, m.counted = len(rows), true
				}
			}
			m.touch(page)
			if page == 0 {
				m.firstRowsAt = time.Now()
			}
			m.evict()
			m.changed()
		})
	})
}

func (m *clientsModel) touch(page int) {
	for i, p := range m.lru {
		if p == page {
			if i == len(m.lru)-1 {
				return
			}
			m.lru = append(m.lru[:i], m.lru[i+1:]...)
			break
		}
	}
	m.lru = append(m.lru, page)
}

func (m *clientsModel) evict() {
	for len(m.lru) > maxPages {
		delete(m.pages, m.lru[0])
		m.lru = m.lru[1:]
	}
}

// ready reports whether the count and the first page are in.
func (m *clientsModel) ready() bool {
	_, first := m.pages[0]
	return m.counted && (first || m.total == 0)
}
