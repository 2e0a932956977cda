package export

import (
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"carnet/internal/domain"
	"carnet/internal/xlsxstream"
)

// xlsxSink writes a workbook through excelize's StreamWriter: rows go to a
// temporary file as they come, so memory stays flat whatever the count.
// Identifiers are text cells in a text-formatted column (Excel keeps their
// leading zeros, also when the user edits them), amounts are numbers with
// two decimals and dates real dates shown dd/mm/yyyy.
type xlsxSink struct {
	w      io.Writer
	f      *excelize.File
	sw     *excelize.StreamWriter
	cols   []column
	styles []int // per column
	row    []any
	line   int
}

func newXLSXSink(w io.Writer, cols []column, lang string) (*xlsxSink, error) {
	f := excelize.NewFile()
	sheet := domain.Message{FR: "Clients", EN: "Customers"}.In(lang)
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		f.Close()
		return nil, err
	}
	s := &xlsxSink{w: w, f: f, cols: cols, row: make([]any, len(cols)), line: 1}
	if err := s.start(sheet); err != nil {
		f.Close()
		return nil, err
	}
	return s, nil
}

func (s *xlsxSink) start(sheet string) error {
	var err error
	if s.sw, err = s.f.NewStreamWriter(sheet); err != nil {
		return err
	}
	text, err := s.f.NewStyle(&excelize.Style{NumFmt: 49}) // "@"
	if err != nil {
		return err
	}
	money, err := s.f.NewStyle(&excelize.Style{NumFmt: 4}) // "#,##0.00"
	if err != nil {
		return err
	}
	dayFormat := "dd/mm/yyyy"
	date, err := s.f.NewStyle(&excelize.Style{CustomNumFmt: &dayFormat})
	if err != nil {
		return err
	}
	bold, err := s.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	s.styles = make([]int, len(s.cols))
	header := make([]any, len(s.cols))
	for i, c := range s.cols {
		switch c.kind {
		case cellIdentifier:
			s.styles[i] = text
		case cellMoney:
			s.styles[i] = money
		case cellDate:
			s.styles[i] = date
		}
		width := 14.0
		if c.kind == cellText {
			width = 22
		}
		if err := s.sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
		header[i] = excelize.Cell{StyleID: bold, Value: Neutralise(c.header)}
	}
	if err := s.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	return s.sw.SetRow("A1", header)
}

func (s *xlsxSink) Write(c *domain.Customer) (string, error) {
	s.line++
	for i, col := range s.cols {
		s.row[i] = s.cell(i, col.kind, col.value(c))
	}
	cell, err := excelize.CoordinatesToCellName(1, s.line)
	if err != nil {
		return "", err
	}
	return "", s.sw.SetRow(cell, s.row)
}

// cell turns a column's value into what the stream writer takes; nil
// leaves the cell out.
func (s *xlsxSink) cell(i int, kind cellKind, v any) any {
	switch v := v.(type) {
	case string:
		if v == "" {
			return nil
		}
		if s.styles[i] == 0 {
			return Neutralise(v) // plain text: no style to carry
		}
		return excelize.Cell{StyleID: s.styles[i], Value: Neutralise(v)}
	case int64:
		switch kind {
		case cellMoney:
			return excelize.Cell{StyleID: s.styles[i], Value: float64(v) / 100}
		case cellPercent:
			return float64(v) / 100
		}
		return v
	case float64:
		return v
	case time.Time:
		if v.IsZero() {
			return nil
		}
		// A day without its time: Excel shows the date the user knows.
		return excelize.Cell{StyleID: s.styles[i], Value: time.Date(v.Year(), v.Month(), v.Day(), 0, 0, 0, 0, time.UTC)}
	}
	return nil
}

func (s *xlsxSink) Close() error {
	defer s.f.Close()
	if err := s.sw.Flush(); err != nil {
		return err
	}
	return xlsxstream.Write(s.f, s.w)
}

// abort drops the workbook's temporary files when the export stops early.
func (s *xlsxSink) abort() { s.f.Close() }
