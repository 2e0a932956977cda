package sheet

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// Random sheets, well-formed, of what producers write and what they get
// wrong: rows with and without numbers, in and out of order, cells with and
// without references, every type, styles in and out of the style sheet,
// numbers in every notation, text with entities, escapes, spaces and line
// ends, formulas, rich text, in both date systems. Each reads as excelize
// read it.
func TestXLSXReaderMatchesExcelizeOnRandomSheets(t *testing.T) {
	styles := `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts>` +
		`<numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/><numFmt numFmtId="165" formatCode="0.0#%"/>` +
		`<numFmt numFmtId="166" formatCode="#,##0.000 &quot;€&quot;"/><numFmt numFmtId="167" formatCode="00000"/><numFmt numFmtId="168" formatCode="[h]:mm:ss"/></numFmts>` +
		`<fonts><font/></fonts><fills><fill/></fills><borders><border/></borders><cellXfs><xf/><xf numFmtId="164"/><xf numFmtId="165"/>` +
		`<xf numFmtId="166"/><xf numFmtId="167"/><xf numFmtId="14"/><xf numFmtId="168"/><xf numFmtId="10"/><xf numFmtId="49"/></cellXfs></styleSheet>`
	rng := rand.New(rand.NewPCG(2024, 12))
	cells := 0
	for book := range 150 {
		sst := randomStrings(rng, 1+rng.IntN(30))
		date1904 := book%5 == 0
		files := withSharedStrings(minimalWorkbook(randomRows(rng, len(sst), date1904)), sstHead+strings.Join(sst, "")+"</sst>")
		files["xl/styles.xml"] = styles
		if date1904 {
			files["xl/workbook.xml"] = strings.Replace(files["xl/workbook.xml"], "<sheets>", `<workbookPr date1904="true"/><sheets>`, 1)
		}
		_, n := compareWorkbook(t, writeZip(t, files))
		cells += n
		if t.Failed() {
			t.Fatalf("workbook %d:\n%s\n%s", book, files["xl/worksheets/sheet1.xml"], files["xl/sharedStrings.xml"])
		}
	}
	if cells < 5000 {
		t.Errorf("%d cells compared", cells)
	}
}

// randomRows is the rows of a sheet whose shared strings table has n
// entries. Cells of type "d" (ISO dates) are left out of 1904 workbooks:
// excelize counted them from 1900 there, four years off, a mistake the
// reader does not make.
func randomRows(rng *rand.Rand, n int, date1904 bool) string {
	var b strings.Builder
	row := 0
	for range 1 + rng.IntN(25) {
		switch rng.IntN(10) {
		case 0:
			b.WriteString("<row>") // no number: the one after the last
			row++
		case 1:
			row = max(1, row-rng.IntN(3)) // again, or back
			fmt.Fprintf(&b, `<row r="%d">`, row)
		case 2:
			b.WriteString(fmt.Sprintf(`<row r="%d"/>`, row+1+rng.IntN(3)))
			row += 4
			fmt.Fprintf(&b, `<row r="%d">`, row)
		default:
			row += 1 + rng.IntN(3)
			fmt.Fprintf(&b, `<row r="%d" spans="1:9">`, row)
		}
		col := 0
		for range rng.IntN(9) {
			col += 1 + rng.IntN(2)
			b.WriteString(randomCell(rng, col, row, n, date1904))
		}
		b.WriteString("</row>")
	}
	return b.String()
}

func randomCell(rng *rand.Rand, col, row, n int, date1904 bool) string {
	ref := ""
	switch rng.IntN(6) {
	case 0: // no reference
	case 1:
		ref = fmt.Sprintf(` r="%s"`, cellName(1+rng.IntN(10), row)) // anywhere in the row
	default:
		ref = fmt.Sprintf(` r="%s"`, cellName(col, row))
	}
	style := ""
	if rng.IntN(2) == 0 {
		// Styles within the style sheet only: excelize appended the
		// canonical formats to it, so that a style past its end took one.
		style = fmt.Sprintf(` s="%d"`, rng.IntN(9))
	}
	formula := ""
	if rng.IntN(6) == 0 {
		formula = "<f>SUM(A1:A2)</f>"
	}
	value := func(v string) string {
		if v == "" && rng.IntN(2) == 0 {
			return formula
		}
		return formula + "<v>" + v + "</v>"
	}
	switch rng.IntN(9) {
	case 0:
		return fmt.Sprintf(`<c%s%s t="s">%s</c>`, ref, style, value(fmt.Sprint(rng.IntN(n))))
	case 1:
		return fmt.Sprintf(`<c%s%s t="inlineStr"><is>%s</is></c>`, ref, style, randomRich(rng))
	case 2:
		return fmt.Sprintf(`<c%s%s t="b">%s</c>`, ref, style, value([]string{"0", "1", "2", ""}[rng.IntN(4)]))
	case 3:
		return fmt.Sprintf(`<c%s%s t="str">%s</c>`, ref, style, value(randomText(rng)))
	case 4:
		return fmt.Sprintf(`<c%s%s t="e">%s</c>`, ref, style, value([]string{"#DIV/0!", "#N/A", "#REF!"}[rng.IntN(3)]))
	case 5:
		if date1904 {
			break
		}
		return fmt.Sprintf(`<c%s%s t="d">%s</c>`, ref, style, value([]string{"2024-03-15T10:20:30Z", "20240315T102030", "2024-03-15", "1899-12-30T00:00:00Z"}[rng.IntN(4)]))
	case 6:
		return fmt.Sprintf(`<c%s%s/>`, ref, style)
	}
	return fmt.Sprintf(`<c%s%s>%s</c>`, ref, style, value(randomNumber(rng)))
}

func randomNumber(rng *rand.Rand) string {
	switch rng.IntN(8) {
	case 0:
		return fmt.Sprint(rng.IntN(100000))
	case 1:
		return fmt.Sprintf("%.*f", rng.IntN(6), (rng.Float64()-0.5)*1e6)
	case 2:
		return fmt.Sprint(rng.Float64() * 60000)
	case 3:
		return fmt.Sprintf("%g", rng.NormFloat64()*1e-3)
	case 4:
		return fmt.Sprint(73282932000000 + rng.Int64N(1e6))
	case 5:
		return fmt.Sprintf("%dE%d", rng.IntN(100), rng.IntN(30)-10)
	case 6:
		return []string{"0", "-0", "0.10", "007", "1e400", "NaN", "12345678901234567890", " 5", "abc", ""}[rng.IntN(10)]
	}
	return fmt.Sprint(float64(rng.IntN(3000000)) / 8)
}

// randomText is text as it can appear in XML, escapes included.
func randomText(rng *rand.Rand) string {
	parts := []string{"Dupré", " ", "&amp;", "&lt;b&gt;", "&#233;", "&#x2019;", "_x000D_", "_x005F_x0041_", "\r\n", "\n", "  ", "Lyon", "o'k", "&quot;", "€", "𝒜", "\t"}
	var b strings.Builder
	for range rng.IntN(6) {
		b.WriteString(parts[rng.IntN(len(parts))])
	}
	return b.String()
}

// randomRich is the inside of a string item: plain, rich text runs, a
// phonetic guide.
func randomRich(rng *rand.Rand) string {
	t := func() string {
		if rng.IntN(3) == 0 {
			return `<t xml:space="preserve">` + randomText(rng) + "</t>"
		}
		return "<t>" + randomText(rng) + "</t>"
	}
	switch rng.IntN(4) {
	case 0:
		return t()
	case 1:
		return "<r><rPr><b/></rPr>" + t() + "</r><r>" + t() + "</r>"
	case 2:
		return t() + `<rPh sb="0" eb="1">` + t() + "</rPh>"
	}
	return ""
}

func randomStrings(rng *rand.Rand, n int) []string {
	s := make([]string, n)
	for i := range s {
		s[i] = "<si>" + randomRich(rng) + "</si>"
	}
	return s
}
