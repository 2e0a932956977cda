package export

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
	"time"

	"carnet/internal/domain"
	"carnet/internal/format"
)

// csvSink writes the spreadsheet columns as CSV: UTF-8 with a BOM (which
// tells Excel the encoding), or Windows-1252 for old Excel, where a
// character the code page lacks is listed, never replaced.
type csvSink struct {
	buf     *bufio.Writer
	w       *csv.Writer
	cols    []column
	lang    string
	record  []string
	line    int
	cp1252  *cp1252Check // nil for UTF-8
	headers []string
}

// newCSVSink starts the file: ";" separates the columns in French, as
// French Excel expects; "," in English. The Windows-1252 file always uses
// ";": it is for old French Excel.
func newCSVSink(out io.Writer, cols []column, lang string, windows1252 bool) (*csvSink, error) {
	s := &csvSink{cols: cols, lang: lang, record: make([]string, len(cols)), line: 1}
	var w io.Writer = out
	if windows1252 {
		s.cp1252 = &cp1252Check{}
		w = s.cp1252.writer(out)
	}
	s.buf = bufio.NewWriterSize(w, 64<<10)
	if !windows1252 {
		if _, err := s.buf.WriteString("\uFEFF"); err != nil {
			return nil, err
		}
	}
	s.w = csv.NewWriter(s.buf)
	s.w.UseCRLF = true
	if windows1252 || !format.IsEnglish(lang) {
		s.w.Comma = ';'
	}
	s.headers = make([]string, len(cols))
	for i, c := range cols {
		s.headers[i] = Neutralise(c.header)
	}
	if err := s.writeRecord(s.headers); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *csvSink) Write(c *domain.Customer) (string, error) {
	s.line++
	for i, col := range s.cols {
		s.record[i] = csvCell(col.kind, col.value(c), s.lang)
	}
	return "", s.writeRecord(s.record)
}

func (s *csvSink) writeRecord(r []string) error {
	if s.cp1252 != nil {
		s.cp1252.check(s.line, s.headers, r)
	}
	return s.w.Write(r)
}

// csvCell writes one value as text in the user's format: "1234,56" and
// "12,5" in French, dates dd/mm/yyyy (ISO in English). Text is neutralised;
// numbers are left as they are, a minus sign included.
func csvCell(kind cellKind, v any, lang string) string {
	switch v := v.(type) {
	case string:
		return Neutralise(v)
	case int64:
		switch kind {
		case cellMoney:
			return format.Amount(v, lang)
		case cellPercent:
			return decimal(float64(v)/100, lang)
		}
		return strconv.FormatInt(v, 10)
	case float64:
		return decimal(v, lang)
	case time.Time:
		if v.IsZero() {
			return ""
		}
		return format.Date(v, lang)
	}
	return ""
}

// decimal writes a number with the user's decimal mark and no grouping.
func decimal(f float64, lang string) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !format.IsEnglish(lang) {
		for i := 0; i < len(s); i++ {
			if s[i] == '.' {
				return s[:i] + "," + s[i+1:]
			}
		}
	}
	return s
}

func (s *csvSink) Close() error {
	s.w.Flush()
	if err := s.w.Error(); err != nil {
		return err
	}
	if err := s.buf.Flush(); err != nil {
		return err
	}
	if s.cp1252 != nil {
		return s.cp1252.err()
	}
	return nil
}
