package importer

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

// benchHeader is the layout of the generated files: what an Excel-FR
// export of a customer file looks like.
var benchHeader = []string{"Code client", "Civilité", "Nom", "Prénom", "Raison sociale", "E-mail", "Téléphone",
	"Adresse", "Code postal", "Ville", "Groupes", "Encours autorisé", "Notes"}

var (
	benchLast  = []string{"Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent", "Lefèvre", "Garçon", "Noël", "Rousseau", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine"}
	benchFirst = []string{"Marie", "Jean", "Élise", "Pierre", "Chloé", "Louis", "Zoé", "Hugo", "Léa", "Gaëlle", "Noé", "Inès", "Théo", "Maël", "Anaïs", "Jérôme"}
	benchCity  = []struct{ cp, city string }{{"75011", "Paris"}, {"69002", "Lyon"}, {"13001", "Marseille"}, {"31000", "Toulouse"},
		{"06000", "Nice"}, {"44000", "Nantes"}, {"67000", "Strasbourg"}, {"01000", "Bourg-en-Bresse"}, {"97110", "Pointe-à-Pitre"}, {"59000", "Lille"}}
	benchStreet = []string{"rue de la République", "avenue Jean Jaurès", "place de l'Église", "boulevard Victor Hugo", "chemin des Écoliers"}
	benchGroups = []string{"", "VIP", "Grossistes", "Clients web", "VIP, Grossistes", "Revendeurs"}
)

// benchGenVersion names the generated files beside their row count, so a
// cached file from an older generator is never read as the current one.
// Bump it whenever benchHeader, the lists above, benchRow or the writers
// below change what they write.
const benchGenVersion = 1

// benchFile is the cached generated file of n customers with extension ext.
func benchFile(dir string, n int, ext string) string {
	return filepath.Join(dir, fmt.Sprintf("clients-g%d-%d.%s", benchGenVersion, n, ext))
}

// benchRand is the generator the rows are drawn from, row after row.
func benchRand() *rand.Rand { return rand.New(rand.NewPCG(1, 2)) }

// benchRow returns row i (0-based) of the generated customer file, drawn
// from r after rows 0 to i-1.
func benchRow(r *rand.Rand, i int) []string {
	last, first := benchLast[r.IntN(len(benchLast))], benchFirst[r.IntN(len(benchFirst))]
	company, civ := "", []string{"M.", "Mme"}[r.IntN(2)]
	if i%7 == 0 {
		company, civ = "SARL "+last+" et fils", ""
	}
	c := benchCity[r.IntN(len(benchCity))]
	phone := fmt.Sprintf("06 %02d %02d %02d %02d", 10+r.IntN(29), r.IntN(100), r.IntN(100), r.IntN(100))
	if c.cp == "97110" {
		phone = fmt.Sprintf("+590 690 %02d %02d %02d", r.IntN(100), r.IntN(100), r.IntN(100))
	}
	credit := ""
	if i%5 == 0 {
		credit = fmt.Sprintf("%d %03d,%02d", 1+r.IntN(20), r.IntN(1000), r.IntN(100))
	}
	notes := ""
	if i%11 == 0 {
		notes = "Livraison le matin ; appeler avant"
	}
	return []string{fmt.Sprintf("CL%07d", i+1), civ, last, first, company,
		fmt.Sprintf("%s.%s.%d@exemple.fr", strings.ToLower(asciiOnly(first)), strings.ToLower(asciiOnly(last)), i+1), phone,
		fmt.Sprintf("%d %s", 1+r.IntN(120), benchStreet[r.IntN(len(benchStreet))]), c.cp, c.city,
		benchGroups[r.IntN(len(benchGroups))], credit, notes}
}

func asciiOnly(s string) string {
	return strings.NewReplacer("é", "e", "è", "e", "ë", "e", "ç", "c", "É", "E", "ï", "i", "ô", "o").Replace(s)
}

// benchCSV writes (once, cached by size and benchGenVersion) a
// ';'-separated UTF-8 file of n customers, quoting cells that need it.
func benchCSV(dir string, n int) (string, error) {
	path := benchFile(dir, n, "csv")
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	f, err := os.Create(path + ".tmp")
	if err != nil {
		return "", err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString(strings.Join(benchHeader, ";") + "\r\n")
	r := benchRand()
	for i := range n {
		cells := benchRow(r, i)
		for j, c := range cells {
			if strings.ContainsAny(c, ";\"\n") {
				c = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
			}
			if j > 0 {
				w.WriteByte(';')
			}
			w.WriteString(c)
		}
		w.WriteString("\r\n")
	}
	if err := w.Flush(); err != nil {
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	return path, os.Rename(path+".tmp", path)
}

// benchXLSX writes (once, cached like benchCSV) the same customers as a
// workbook (excelize StreamWriter).
func benchXLSX(dir string, n int) (string, error) {
	path := benchFile(dir, n, "xlsx")
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return "", err
	}
	row := make([]any, len(benchHeader))
	for j, h := range benchHeader {
		row[j] = h
	}
	if err := sw.SetRow("A1", row); err != nil {
		return "", err
	}
	r := benchRand()
	for i := range n {
		for j, c := range benchRow(r, i) {
			row[j] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return "", err
		}
	}
	if err := sw.Flush(); err != nil {
		return "", err
	}
	out, err := os.Create(path + ".tmp")
	if err != nil {
		return "", err
	}
	if err := f.Write(out); err != nil {
		out.Close()
		return "", err
	}
	if err := out.Close(); err != nil {
		return "", err
	}
	return path, os.Rename(path+".tmp", path)
}
