package export

import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"

	"carnet/internal/domain"
	"carnet/internal/textfold"
)

// Address labels: a PDF for the common A4 sheet of 3 × 8 self-adhesive
// labels of 70 × 37 mm, which fills the width (3 × 70 = 210 mm) and all
// but 1 mm of the height (8 × 37 = 296 mm), so the grid is centred
// vertically. Each label holds one address written the way La Poste asks
// (NF Z 10-011): at most 6 lines of at most 38 characters, the complement
// above the street, the postcode and town in capitals without accents on
// the last line for France, then the country in capitals for abroad.

const (
	labelCols, labelRows = 3, 8
	labelW, labelH       = 70.0, 37.0 // mm
	labelTop             = (297 - labelRows*labelH) / 2
	// The text keeps clear of the label's edges: the sheets are die-cut
	// with rounded corners, and most printers cannot print the outer 4 mm.
	labelInsetX = 5.0
	labelInsetY = 3.0

	maxAddressLines = 6  // NF Z 10-011
	maxAddressChars = 38 // NF Z 10-011, characters and spaces

	labelFontMax, labelFontMin = 10.0, 6.0 // points
	labelLineSpacing           = 1.2       // line height / font size
)

type labelsWriter struct {
	pdf   *fpdf.Fpdf
	out   io.Writer
	lang  string
	toPDF func(string) string // UTF-8 to the core font's Windows-1252
	count int
}

// newLabels lays labels out in memory; Close writes the PDF to w.
func newLabels(w io.Writer, lang string) sink {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetMargins(0, 0, 0)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCreator("Carnet", true)
	pdf.SetTitle(domain.Message{FR: "Étiquettes d’adresse", EN: "Address labels"}.In(lang), true)
	// Helvetica is one of the PDF core fonts every reader has, so nothing
	// is embedded; it is encoded in Windows-1252, which holds every letter
	// of French and of the other Western European languages.
	pdf.SetFont("Helvetica", "", labelFontMax)
	return &labelsWriter{pdf: pdf, out: w, lang: lang, toPDF: pdf.UnicodeTranslatorFromDescriptor("cp1252")}
}

func (l *labelsWriter) Write(c *domain.Customer) (string, error) {
	a := postalAddress(c)
	if !hasPostalAddress(a) {
		return SkipNoAddress, nil
	}
	if l.count%(labelCols*labelRows) == 0 {
		l.pdf.AddPage()
	}
	slot := l.count % (labelCols * labelRows)
	l.count++
	x := float64(slot%labelCols) * labelW
	y := labelTop + float64(slot/labelCols)*labelH
	l.draw(x, y, addressLines(c, a, l.lang))
	return "", l.pdf.Error()
}

// Close writes the PDF. A file with no label still has one blank page:
// a PDF cannot have none.
func (l *labelsWriter) Close() error {
	return l.pdf.Output(l.out)
}

// draw writes lines into the label whose top-left corner is (x, y), in the
// largest size up to 10 pt at which the longest line fits between the
// insets, the block centred vertically. The label is a clipping rectangle,
// so that even a line too wide at 6 pt never spills onto its neighbour.
func (l *labelsWriter) draw(x, y float64, lines []string) {
	pdf := l.pdf
	encoded := make([]string, len(lines))
	for i, s := range lines {
		encoded[i] = l.toPDF(windows1252(s))
	}
	size := labelFontMax
	for ; size > labelFontMin; size -= 0.5 {
		pdf.SetFontSize(size)
		if widest(pdf, encoded) <= labelW-2*labelInsetX {
			break
		}
	}
	pdf.SetFontSize(size)
	lineH := size * 25.4 / 72 * labelLineSpacing
	top := y + (labelH-lineH*float64(len(lines)))/2
	if top < y+labelInsetY {
		top = y + labelInsetY
	}
	pdf.ClipRect(x, y, labelW, labelH, false)
	for i, s := range encoded {
		// Text places the baseline; a capital's height is about 0.7 of the
		// size, so 0.8 of the line height leaves equal room above and below.
		pdf.Text(x+labelInsetX, top+lineH*(float64(i)+0.8), s)
	}
	pdf.ClipEnd()
}

func widest(pdf *fpdf.Fpdf, lines []string) float64 {
	w := 0.0
	for _, s := range lines {
		w = max(w, pdf.GetStringWidth(s))
	}
	return w
}

// windows1252 replaces what Windows-1252 cannot hold, which the core font
// would print as a dot: spaces of any kind become a plain space, a letter
// with a mark Windows-1252 lacks ("ł", "ő", "ș") its base letter, and
// anything else "?".
func windows1252(s string) string {
	var b strings.Builder
	for _, r := range s {
		if _, ok := charmap.Windows1252.EncodeRune(r); ok {
			b.WriteRune(r)
			continue
		}
		if unicode.IsSpace(r) {
			b.WriteByte(' ')
			continue
		}
		base := ""
		for _, d := range norm.NFD.String(string(r)) {
			if _, ok := charmap.Windows1252.EncodeRune(d); ok && !unicode.Is(unicode.Mn, d) {
				base += string(d)
			}
		}
		if base == "" {
			base = "?"
		}
		b.WriteString(base)
	}
	return b.String()
}

// addressLines returns the label's lines, top to bottom (NF Z 10-011):
// the recipient, the complement (building, floor), the number and street,
// the postcode and town, then the country when the letter leaves France.
//
// A line longer than 38 characters is cut between words and continued on
// the next line while the label has fewer than 6 lines; the street gets
// the spare lines first, since the postman needs it whole, then the
// recipient, then the complement. What still does not fit is shortened at
// a word boundary, without an ellipsis, which La Poste's sorting machines
// would read as part of the address.
func addressLines(c *domain.Customer, a domain.Address, lang string) []string {
	type part struct {
		text     string
		priority int // which part gets the spare lines first; 0: never wraps
	}
	city := postalCaps(a.Postcode + " " + a.City)
	country := ""
	if !isHomeCountry(a.Country) {
		country = postalCaps(countryName(a.Country, lang))
	}
	parts := []part{
		{recipient(c), 2},
		{a.Line2, 3},
		{a.Line1, 1},
		{city, 0},
		{country, 0},
	}
	kept := parts[:0]
	for _, p := range parts {
		if p.text = strings.Join(strings.Fields(p.text), " "); p.text != "" {
			kept = append(kept, p)
		}
	}
	spare := maxAddressLines - len(kept)
	rows := make([][]string, len(kept))
	for priority := 0; priority <= 3; priority++ {
		for i, p := range kept {
			if p.priority != priority {
				continue
			}
			pieces := wrapWords(p.text, maxAddressChars)
			if priority == 0 {
				pieces = pieces[:0]
			}
			n := min(len(pieces), 1+spare)
			if n == 0 {
				rows[i] = []string{shorten(p.text, maxAddressChars)}
				continue
			}
			spare -= n - 1
			rows[i] = append(pieces[:n-1:n-1], shorten(strings.Join(pieces[n-1:], " "), maxAddressChars))
		}
	}
	var lines []string
	for _, r := range rows {
		lines = append(lines, r...)
	}
	return lines
}

// recipient is the first line: civility, first name and last name for a
// person ("Mme Élise Dupont"), the company name for a company.
func recipient(c *domain.Customer) string {
	if c.Kind == domain.KindCompany && strings.TrimSpace(c.CompanyName) != "" {
		return c.CompanyName
	}
	if name := strings.Join(strings.Fields(c.Civility+" "+c.FirstName+" "+c.LastName), " "); name != "" {
		return name
	}
	return c.Name()
}

// postalCaps writes a last line the way La Poste's sorting machines read
// it best: capitals, no accents, no punctuation ("Saint-Étienne" →
// "SAINT ETIENNE", "L’Isle-Adam" → "L ISLE ADAM").
func postalCaps(s string) string {
	s = strings.ToUpper(textfold.Fold(s))
	s = strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// wrapWords cuts s into lines of at most n characters between words; a
// word longer than n is cut where it must.
func wrapWords(s string, n int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		for utf8.RuneCountInString(word) > n {
			if line != "" {
				lines = append(lines, line)
				line = ""
			}
			head := firstRunes(word, n)
			lines = append(lines, head)
			word = word[len(head):]
		}
		switch {
		case line == "":
			line = word
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) <= n:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// shorten keeps the first n characters of s, cut after the last whole
// word when there is one, without the comma that separated it from what
// was cut off.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	head := firstRunes(s, n+1) // one more, to see whether a word ends at n
	if i := strings.LastIndexByte(head, ' '); i > 0 {
		return strings.TrimRight(head[:i], " ,;:")
	}
	return firstRunes(s, n)
}

func firstRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}
