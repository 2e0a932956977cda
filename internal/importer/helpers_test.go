package importer

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"carnet/internal/corpustest"
	"carnet/internal/domain"
	"carnet/internal/service"
	"carnet/internal/testsvc"

	"golang.org/x/text/encoding/charmap"
)

func newImporter(t *testing.T) (*Importer, *service.Service) {
	svc := testsvc.Open(t)
	return New(svc), svc
}

// writeFile writes text to a file in dir; cp1252 re-encodes it the way
// Excel FR saves "CSV (séparateur: point-virgule)".
func writeFile(t *testing.T, name, text string, cp1252 bool) string {
	t.Helper()
	data := []byte(text)
	if cp1252 {
		s, err := charmap.Windows1252.NewEncoder().String(text)
		if err != nil {
			t.Fatal(err)
		}
		data = []byte(s)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// request previews path and returns a request with the suggested mapping
// and default options.
func request(t *testing.T, im *Importer, path string) Request {
	t.Helper()
	p, err := im.Preview(context.Background(), path, Settings{}, 5)
	if err != nil {
		t.Fatalf("preview %s: %v", path, err)
	}
	return Request{Path: path, Mapping: MappingOf(p.Suggestions), Options: p.Options}
}

func commit(t *testing.T, im *Importer, req Request) *Result {
	t.Helper()
	res, err := im.Commit(context.Background(), req, nil)
	if err != nil {
		t.Fatalf("commit: %v", err)
	}
	if len(res.Refused) > 0 {
		t.Fatalf("refused: %+v", res.Refused)
	}
	return res
}

func customerByEmail(t *testing.T, svc *service.Service, email string) *domain.Customer {
	t.Helper()
	var id int64
	if err := svc.Store.ReadDB().QueryRow(`SELECT id FROM customers WHERE email = ?`, email).Scan(&id); err != nil {
		t.Fatalf("customer %s: %v", email, err)
	}
	c, err := svc.Customer(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func count(t *testing.T, svc *service.Service, query string, args ...any) int {
	t.Helper()
	var n int
	if err := svc.Store.ReadDB().QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// dump is the user-visible content of the database: customers, groups,
// memberships, shipping addresses, balance entries, sources, site parts.
func dump(t *testing.T, svc *service.Service) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		`SELECT * FROM customers ORDER BY id`,
		`SELECT * FROM groups ORDER BY id`,
		`SELECT * FROM customer_groups ORDER BY customer_id, group_id`,
		`SELECT customer_id, position, label, line1, line2, postcode, city, country FROM shipping_addresses ORDER BY customer_id, position`,
		`SELECT customer_id, date, label, amount, origin, import_id FROM balance_entries ORDER BY id`,
		`SELECT * FROM marketing_sources ORDER BY id`,
		`SELECT * FROM customer_sites ORDER BY customer_id, site_id`,
	} {
		rows, err := svc.Store.ReadDB().Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintln(&b, q[:20], fmt.Sprint(vals...))
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

var _ = sql.ErrNoRows

// sameLines fails t at the first line where a and b (what is compared,
// as aName and bName give them) differ.
func sameLines(t *testing.T, what, aName, a, bName, b string) {
	t.Helper()
	if a == b {
		return
	}
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			t.Fatalf("%s differ at line %d:\n%s: %s\n%s: %s", what, i, aName, al[i], bName, bl[i])
		}
	}
	t.Fatalf("%s differ in length: %d and %d lines", what, len(al), len(bl))
}

// corpus is a file of ../shared/corpus (skips when absent, fails under CI).
func corpus(t *testing.T, rel string) string {
	t.Helper()
	return corpustest.File(t, rel)
}

func itoa(i int) string { return fmt.Sprint(i) }

func createFile(path string) (*os.File, error) { return os.Create(path) }
