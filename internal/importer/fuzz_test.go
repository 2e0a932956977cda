package importer

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"carnet/internal/domain"
	"carnet/internal/service"
	"carnet/internal/sheet"
)

// FuzzHeaderMapping feeds the column mapping arbitrary headers, sample
// values and --map specifications: go test -run '^$' -fuzz
// '^FuzzHeaderMapping$' ./internal/importer. It is seeded with the header
// and first rows of every CSV and XLSX of ../shared/corpus (a message says
// when the folder is absent). The suggestions must cover every column once,
// never give one field to two columns (phones aside), and make a mapping
// the import accepts whenever they map anything; --map must never panic and
// keep one entry per column.
func FuzzHeaderMapping(f *testing.F) {
	f.Add("Nom\x1fPrénom\x1fE-mail\x1fTéléphone", "Durand\x1fÉloïse\x1feloise@example.fr\x1f06 12 34 56 78", "Nom=last_name,E-mail=ignore")
	f.Add("email\x1fEmail\x1fE-mail\x1fcourriel", "a@b.fr\x1fc@d.fr\x1f\x1f", "email=custom:Adresse")
	f.Add("\x1f\x1f", "", "=,,=")
	f.Add("Code client\x1fSIRET\x1fSolde\x1fSolde", "C1\x1f73282932000074\x1f12,50\x1f", "Solde=balance,Solde=balance")
	for _, s := range corpusHeaderSeeds(f) {
		f.Add(s[0], s[1], "")
	}
	svc, err := service.Open(filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { svc.Close() })
	im := New(svc)
	f.Fuzz(func(t *testing.T, headerLine, sampleLine, spec string) {
		headers := strings.Split(headerLine, "\x1f")
		if len(headers) > 200 {
			return
		}
		sample := [][]string{strings.Split(sampleLine, "\x1f")}
		sugg, _, err := im.Suggest(context.Background(), headers, sample)
		if err != nil {
			t.Fatalf("Suggest(%q): %v", headers, err)
		}
		if len(sugg) != len(headers) {
			t.Fatalf("%d suggestions for %d columns", len(sugg), len(headers))
		}
		holder := map[string]int{}
		for i, s := range sugg {
			if s.Column != i {
				t.Fatalf("suggestion %d is for column %d", i, s.Column)
			}
			if s.Field == Ignore || s.Field == "phones" || strings.HasPrefix(s.Field, domain.CustomPrefix) {
				continue
			}
			if !fieldImportable(s.Field) {
				t.Fatalf("column %q suggested %q, which an import cannot fill", s.Header, s.Field)
			}
			if j, dup := holder[s.Field]; dup {
				t.Fatalf("field %q suggested for columns %q and %q", s.Field, headers[j], s.Header)
			}
			holder[s.Field] = i
		}
		m := MappingOf(sugg)
		named := false
		for f := range holder {
			named = named || identifies(f)
		}
		if named {
			if refused := CheckMapping(headers, m); len(refused) > 0 {
				t.Fatalf("the suggested mapping %q is refused: %s", m, refused[0].Message.EN)
			}
		}
		if got, err := ParseMap(spec, headers, m); err == nil && len(got) != len(headers) {
			t.Fatalf("--map %q gives %d entries for %d columns", spec, len(got), len(headers))
		}
	})
}

// corpusHeaderSeeds are the header and first data row of each corpus file,
// cells joined by \x1f.
func corpusHeaderSeeds(f *testing.F) [][2]string {
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		f.Logf("corpus folder %s absent: fuzzing without its seeds", dir)
		return nil
	}
	var paths []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		ext := strings.ToLower(filepath.Ext(p))
		if err == nil && !d.IsDir() && (ext == ".csv" || ext == ".xlsx") {
			paths = append(paths, p)
		}
		return nil
	})
	sort.Strings(paths)
	var out [][2]string
	for _, p := range paths {
		_, headers, rows, err := sheet.Preview(p, sheet.Options{}, 1)
		if err != nil {
			continue
		}
		first := ""
		if len(rows) > 0 {
			first = strings.Join(rows[0].Cells, "\x1f")
		}
		out = append(out, [2]string{strings.Join(headers, "\x1f"), first})
	}
	return out
}
