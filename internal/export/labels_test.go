package export

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"carnet/internal/domain"
)

func TestAddressLines(t *testing.T) {
	long := elise()
	long.Kind, long.CompanyName = domain.KindCompany, "Société coopérative de production des artisans boulangers du Rhône"
	long.Billing.Line2 = "Résidence Les Jardins de la Saône, bâtiment B, escalier 4"
	cases := []struct {
		name string
		c    *domain.Customer
		want []string
	}{
		{"person, long street continued on the next line", elise(), []string{
			"Mme Élise Dupont", "Bâtiment B, 3e étage", "12 rue de la République prolongée et", "place des Terreaux", "69002 LYON"}},
		{"company abroad", muller(), []string{
			"Müller Bäckerei; Söhne, GmbH", "Hauptstraße 5", "10115 BERLIN", "ALLEMAGNE"}},
		{"town in capitals without accents or hyphens", martinNoEmail(), []string{
			"M. Jean Martin", "3 chemin des Vignes", "42000 SAINT ETIENNE"}},
		// 3 long lines and the town: the street is continued first, the
		// name next; the complement has no room left and is shortened.
		{"more than 6 lines: street first, then name, complement shortened", long, []string{
			"Société coopérative de production des", "artisans boulangers du Rhône",
			"Résidence Les Jardins de la Saône", "12 rue de la République prolongée et", "place des Terreaux", "69002 LYON"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := addressLines(tc.c, postalAddress(tc.c), "fr")
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("lines\n got %q\nwant %q", got, tc.want)
			}
			if len(got) > 6 {
				t.Errorf("%d lines, La Poste allows 6", len(got))
			}
			for _, l := range got {
				if n := utf8.RuneCountInString(l); n > 38 {
					t.Errorf("line %q has %d characters, La Poste allows 38", l, n)
				}
			}
		})
	}
}

// labelSheet returns 25 customers with an address (one more than a sheet
// holds) and, among them, one without.
func labelSheet() []*domain.Customer {
	customers := []*domain.Customer{elise(), muller(), martinNoEmail(), zoeNoAddress(), formulaName()}
	for i := len(customers) - 1; i < 25; i++ {
		customers = append(customers, &domain.Customer{
			ID: int64(100 + i), Kind: domain.KindPerson, Civility: "M.", FirstName: "Client", LastName: fmt.Sprintf("Numéro %d", i),
			Billing: domain.Address{Line1: fmt.Sprintf("%d avenue Jean Jaurès", i), Postcode: "69007", City: "Lyon"},
		})
	}
	return customers
}

func TestLabelsPDF(t *testing.T) {
	var out bytes.Buffer
	skips := writeAll(t, newLabels(&out, "fr"), labelSheet()...)
	written := 0
	for i, s := range skips {
		switch {
		case s == "":
			written++
		case s != SkipNoAddress || i != 3:
			t.Errorf("customer %d skipped for %q", i, s)
		}
	}
	if written != 25 {
		t.Fatalf("%d labels written, want 25", written)
	}
	pdf := out.Bytes()
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("not a PDF: starts %q", pdf[:min(len(pdf), 8)])
	}
	if pages := bytes.Count(pdf, []byte("/Type /Page\n")); pages != 2 {
		t.Errorf("%d pages for 25 labels, want 2 (24 a sheet)", pages)
	}

	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed: the printed text is not checked")
	}
	path := filepath.Join(t.TempDir(), "labels.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("pdftotext", "-layout", "-f", "1", "-l", "1", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	for _, want := range []string{"Mme Élise Dupont", "Bâtiment B, 3e étage", "69002 LYON", "Hauptstraße 5", "ALLEMAGNE", "42000 SAINT ETIENNE"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("page 1 does not show %q; its text:\n%s", want, text)
		}
	}
}

// TestLabelsStayInTheirCells renders the first sheet and checks that every
// inked pixel lies inside the inner part of a 70 × 37 mm label, clear of
// the cut lines where a shifted label would print across two stickers.
func TestLabelsStayInTheirCells(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm (poppler-utils) is not installed: the layout is not checked")
	}
	var out bytes.Buffer
	writeAll(t, newLabels(&out, "fr"), labelSheet()...)
	dir := t.TempDir()
	path := filepath.Join(dir, "labels.pdf")
	if err := os.WriteFile(path, out.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	const dpi = 60
	if msg, err := exec.Command("pdftoppm", "-png", "-r", fmt.Sprint(dpi), "-f", "1", "-l", "1", "-singlefile", path, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, msg)
	}
	f, err := os.Open(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	const margin = 2.0 // mm of each label's edge that must stay blank
	inked := map[[2]int]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if !dark(img, x, y) {
				continue
			}
			xmm, ymm := (float64(x)+0.5)*25.4/dpi, (float64(y)+0.5)*25.4/dpi-labelTop
			col, row := int(xmm/labelW), int(ymm/labelH)
			inX, inY := xmm-float64(col)*labelW, ymm-float64(row)*labelH
			if ymm < 0 || inX < margin || inX > labelW-margin || inY < margin || inY > labelH-margin {
				t.Fatalf("ink at %.1f × %.1f mm, %.1f mm from the corner of label (%d, %d): too close to its edge", xmm, ymm+labelTop, inX, col, row)
			}
			inked[[2]int{col, row}] = true
		}
	}
	if len(inked) != labelCols*labelRows {
		t.Errorf("%d of the sheet's 24 labels have ink, want all 24", len(inked))
	}
}

func dark(img image.Image, x, y int) bool {
	r, g, bl, _ := img.At(x, y).RGBA()
	return (r+g+bl)/3 < 0x8000
}
