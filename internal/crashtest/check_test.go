package crashtest

import (
	"database/sql"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"carnet/internal/textfold"
)

// openDB opens a database file the way a test inspects it: the first open
// after a kill replays or discards the WAL, as carnet's next open would.
func openDB(path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	return db, db.Ping()
}

func count(db *sql.DB, query string, args ...any) (int, error) {
	var n int
	err := db.QueryRow(query, args...).Scan(&n)
	return n, err
}

// problems collects what is wrong with a database.
type problems []string

func (p *problems) add(format string, args ...any) { *p = append(*p, fmt.Sprintf(format, args...)) }

// countOr runs a count query, recording a failure as a problem.
func (p *problems) count(db *sql.DB, query string, args ...any) int {
	n, err := count(db, query, args...)
	if err != nil {
		p.add("%s: %v", strings.Join(strings.Fields(query), " "), err)
		return -1
	}
	return n
}

// Flag tokens of the search text, as internal/store writes them (a control
// character each side): every archived customer, supplier or company has
// its token, so the index's count for it must equal the table's.
var flagTokens = []struct{ name, token, where string }{
	{"archived", "\x01a\x01", "archived = 1"},
	{"supplier", "\x01s\x01", "supplier = 1"},
	{"company", "\x01c\x01", "kind = 'company'"},
}

// phrase is text as an FTS5 string matching it anywhere (trigram index).
func phrase(text string) string {
	return `"` + strings.ReplaceAll(textfold.Fold(text), `"`, `""`) + `"`
}

// checkCommon checks what must hold after any kill: SQLite's integrity
// check, FTS5's, and that the search index holds exactly the customers.
func checkCommon(db *sql.DB, rng *rand.Rand) problems {
	var p problems
	rows, err := db.Query("PRAGMA integrity_check")
	if err != nil {
		p.add("integrity_check: %v", err)
		return p
	}
	var verdict []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		verdict = append(verdict, s)
	}
	if err := rows.Err(); err != nil {
		verdict = append(verdict, err.Error())
	}
	rows.Close()
	if len(verdict) != 1 || verdict[0] != "ok" {
		p.add("PRAGMA integrity_check: %q", verdict)
	}
	if _, err := db.Exec(`INSERT INTO customer_search (customer_search) VALUES ('integrity-check')`); err != nil {
		p.add("FTS5 integrity-check: %v", err)
	}
	// The index is contentless: its docsize table has one row per indexed
	// document, which must be one per customer, with the same IDs.
	customers := p.count(db, `SELECT count(*) FROM customers`)
	if docs := p.count(db, `SELECT count(*) FROM customer_search_docsize`); docs != customers {
		p.add("search index holds %d documents for %d customers", docs, customers)
	}
	if n := p.count(db, `SELECT count(*) FROM (SELECT id FROM customers EXCEPT SELECT id FROM customer_search_docsize)`); n != 0 {
		p.add("%d customers missing from the search index", n)
	}
	if n := p.count(db, `SELECT count(*) FROM (SELECT id FROM customer_search_docsize EXCEPT SELECT id FROM customers)`); n != 0 {
		p.add("%d search documents without a customer", n)
	}
	for _, f := range flagTokens {
		inTable := p.count(db, `SELECT count(*) FROM customers WHERE `+f.where)
		inIndex := p.count(db, `SELECT count(*) FROM customer_search WHERE customer_search MATCH ?`, `"`+f.token+`"`)
		if inTable != inIndex {
			p.add("%s: %d customers, the search index finds %d", f.name, inTable, inIndex)
		}
	}
	// A few customers picked at random are found by their code.
	maxID := p.count(db, `SELECT coalesce(max(id), 0) FROM customers`)
	for range 10 {
		if maxID <= 0 {
			break
		}
		var id int64
		var code string
		if err := db.QueryRow(`SELECT id, code FROM customers WHERE id >= ? ORDER BY id LIMIT 1`, 1+rng.IntN(maxID)).Scan(&id, &code); err != nil {
			p.add("pick a customer: %v", err)
			break
		}
		if n := p.count(db, `SELECT count(*) FROM customer_search WHERE customer_search MATCH ? AND rowid = ?`, phrase(code), id); n != 1 {
			p.add("customer %d (%s) is not found by its code", id, code)
		}
	}
	if n := p.count(db, `SELECT count(*) FROM pragma_foreign_key_check`); n != 0 {
		p.add("PRAGMA foreign_key_check: %d violations", n)
	}
	return p
}

// checkMarker checks that the search index finds exactly the customers
// whose city is marker, and returns how many there are.
func checkMarker(db *sql.DB, p *problems, marker string) int {
	inTable := p.count(db, `SELECT count(*) FROM customers WHERE city = ?`, marker)
	inIndex := p.count(db, `SELECT count(*) FROM customer_search WHERE customer_search MATCH ?`, phrase(marker))
	// (EXCEPT: "MATCH ? AND rowid IN (…)" would run one FTS query per row.)
	extra := p.count(db, `SELECT count(*) FROM (SELECT rowid FROM customer_search WHERE customer_search MATCH ?
		EXCEPT SELECT id FROM customers WHERE city = ?)`, phrase(marker), marker)
	if inTable != inIndex || extra != 0 {
		p.add("city %s: %d customers, the search index finds %d (%d not in that city)", marker, inTable, inIndex, extra)
	}
	return inTable
}

// writeCSV writes an import file: updates customers with codes (their city
// becomes marker) and creates n new ones in marker, one company in five.
func writeCSV(path, marker, emailTag string, codes []string, n int) error {
	var b strings.Builder
	b.WriteString("Code client;Civilité;Nom;Prénom;Raison sociale;E-mail;Téléphone;Adresse;Code postal;Ville;Groupes;Notes\r\n")
	for _, code := range codes {
		fmt.Fprintf(&b, "%s;;;;;;;;;%s;;\r\n", code, marker)
	}
	first := []string{"Élise", "Jean", "Chloé", "Noël", "Zoé", "Hugo", "Gaëlle", "Théo"}
	last := []string{"Martin", "Lefèvre", "Garçon", "Dupont", "Rousseau", "Bonnet"}
	for i := range n {
		email := fmt.Sprintf("p%d.%s@crash.test", i, emailTag)
		tel := fmt.Sprintf("06 12 %02d %02d %02d", i/100%100, i%100, len(emailTag)%100) // 06 12: metropolitan mobiles
		if i%5 == 0 {
			fmt.Fprintf(&b, ";;;;Atelier %s %d;%s;%s;%d rue de la Paix;69002;%s;VIP;\r\n", last[i%len(last)], i, email, tel, 1+i%90, marker)
		} else {
			fmt.Fprintf(&b, ";%s;%s;%s;;%s;%s;%d avenue Jean Jaurès;69002;%s;;note %d\r\n",
				[]string{"M.", "Mme"}[i%2], last[i%len(last)], first[i%len(first)], email, tel, 1+i%90, marker, i)
		}
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// copyDB copies a closed database (and its WAL, if any) over dst.
func copyDB(src, dst string) error {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(dst + suffix)
	}
	for _, suffix := range []string{"", "-wal"} {
		in, err := os.Open(src + suffix)
		if os.IsNotExist(err) && suffix != "" {
			continue
		}
		if err != nil {
			return err
		}
		out, err := os.Create(dst + suffix)
		if err == nil {
			_, err = io.Copy(out, in)
			if cerr := out.Close(); err == nil {
				err = cerr
			}
		}
		in.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// checkpoint folds a database's WAL into its file, so copyDB copies one file.
func checkpoint(path string) error {
	db, err := openDB(path)
	if err != nil {
		return err
	}
	_, err = db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

func tempName(dir, format string, args ...any) string {
	return filepath.Join(dir, fmt.Sprintf(format, args...))
}

// checkBackups checks the backups carnet keeps beside the database at
// dbPath (sauvegardes/NAME-….db) that seen does not hold yet: each must be
// a whole database, even when the kill came during the backup. It returns
// how many temporary files (…​.tmp) of that database are left there.
func checkBackups(dbPath string, seen map[string]bool, p *problems) (tmp int) {
	dir := filepath.Join(filepath.Dir(dbPath), "sauvegardes")
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0 // no backup yet
	}
	prefix := strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath)) + "-"
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, prefix) {
			continue
		}
		switch {
		case strings.HasSuffix(name, ".tmp"):
			tmp++
		case strings.HasSuffix(name, ".db") && !seen[name]:
			seen[name] = true
			db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, name)+"?mode=ro")
			var verdict string
			if err == nil {
				err = db.QueryRow("PRAGMA quick_check").Scan(&verdict)
				db.Close()
			}
			if err != nil || verdict != "ok" {
				p.add("backup %s: quick_check %q %v", name, verdict, err)
			}
		}
	}
	return tmp
}
