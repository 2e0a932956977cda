package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"carnet/internal/domain"
	"carnet/internal/importer"
)

// rowList is the per-row plan of import --json (issue 12): every row that
// does something or needs a decision — created, updated, in error,
// skipped, or in an identity conflict —, at most limit of them (0: all).
// Rows go to a temporary file as they are decided, so that memory stays
// flat whatever the size of the file; the output splices them in.
type rowList struct {
	limit  int
	lang   string
	listed int
	left   int // rows that would be listed but exceed the limit
	tmp    *os.File
	buf    *bufio.Writer
}

// rowJSON is one row of the list.
type rowJSON struct {
	Line       int               `json:"line"`
	Action     importer.Action   `json:"action"`
	CustomerID int64             `json:"customer_id,omitempty"`
	Code       string            `json:"code,omitempty"`
	Name       string            `json:"name,omitempty"`
	Changes    []importer.Change `json:"changes,omitempty"`
	Conflict   *conflictJSON     `json:"conflict,omitempty"`
	Problems   []problemJSON     `json:"problems,omitempty"`
}

// conflictJSON is an identity conflict: Fields' Old is the stored value,
// New the file's; Taken says which one the import writes.
type conflictJSON struct {
	Line   int               `json:"line"`
	Code   string            `json:"code"`
	Name   string            `json:"name"`
	By     string            `json:"by"`
	Fields []importer.Change `json:"fields"`
	Taken  bool              `json:"taken"`
}

func newRowList(limit int, lang string) (*rowList, error) {
	tmp, err := os.CreateTemp("", "carnet-plan-*.json")
	if err != nil {
		return nil, err
	}
	return &rowList{limit: limit, lang: lang, tmp: tmp, buf: bufio.NewWriterSize(tmp, 256<<10)}, nil
}

// add is the import's OnRow.
func (l *rowList) add(rp importer.RowPlan) error {
	if rp.Action == importer.ActionUnchanged && rp.Conflict == nil {
		return nil
	}
	if l.limit > 0 && l.listed >= l.limit {
		l.left++
		return nil
	}
	row := rowJSON{Line: rp.Line, Action: rp.Action, CustomerID: rp.CustomerID, Code: rp.Code, Name: rp.Name, Changes: rp.Changes}
	if c := rp.Conflict; c != nil {
		row.Conflict = conflictOf(*c)
	}
	for _, p := range rp.Problems {
		row.Problems = append(row.Problems, problemOf(p, l.lang))
	}
	data, err := json.Marshal(row)
	if err != nil {
		return err
	}
	if l.listed > 0 {
		l.buf.WriteString(",\n    ")
	}
	l.listed++
	_, err = l.buf.Write(data)
	return err
}

func conflictOf(c importer.IdentityConflict) *conflictJSON {
	return &conflictJSON{Line: c.Line, Code: c.Code, Name: c.Name, By: c.By, Fields: c.Fields, Taken: c.Taken}
}

func problemOf(p importer.Problem, lang string) problemJSON {
	return problemJSON{Row: p.Row, Column: p.Column, Field: p.Field, Value: p.Value, Code: p.Code,
		Message: p.Message.In(lang), Fix: fixWithFlag(p, lang)}
}

// close removes the temporary file.
func (l *rowList) close() {
	l.tmp.Close()
	os.Remove(l.tmp.Name())
}

// printJSONWithRows prints doc as printJSON does, with the row list
// spliced in under "plan" (and "plan_truncated" when the limit cut it).
func printJSONWithRows(w io.Writer, doc map[string]any, l *rowList) error {
	doc["plan_truncated"] = l.left > 0
	doc["plan_rows_left_out"] = l.left
	var head bytes.Buffer
	if err := printJSON(&head, doc); err != nil {
		return err
	}
	if err := l.buf.Flush(); err != nil {
		return err
	}
	if _, err := l.tmp.Seek(0, io.SeekStart); err != nil {
		return err
	}
	// printJSON ends the object with "}\n": the list goes before it.
	text := bytes.TrimRight(head.Bytes(), "\n")
	text = text[:len(text)-1]
	text = bytes.TrimRight(text, "\n ")
	if _, err := w.Write(text); err != nil {
		return err
	}
	if _, err := io.WriteString(w, ",\n  \"plan\": [\n    "); err != nil {
		return err
	}
	if _, err := io.Copy(w, l.tmp); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n  ]\n}\n")
	return err
}

// printConflicts lists the identity conflicts in the human output.
func printConflicts(env *Env, res *importer.Result) {
	c := res.Counts
	if c.Conflicts == 0 {
		return
	}
	w := env.Stdout
	m := func(fr, en string) string { return domain.Message{FR: fr, EN: en}.In(env.Lang) }
	fmt.Fprintf(w, m("  %d conflit(s) d’identité : ligne rapprochée par e-mail, SIRET ou TVA d’un client dont le code ou le nom diffère\n",
		"  %d identity conflict(s): row matched by e-mail, SIRET or VAT to a customer whose code or name differs\n"), c.Conflicts)
	for i, k := range res.Conflicts {
		if i >= maxShownProblems {
			fmt.Fprintln(w, "    …")
			break
		}
		kept := m("gardé", "kept")
		if k.Taken {
			kept = m("remplacé par celui du fichier", "replaced by the file’s")
		}
		for _, f := range k.Fields {
			fmt.Fprintf(w, m("    ligne %d, %s : « %s » enregistré, « %s » dans le fichier (%s)\n", "    row %d, %s: \"%s\" stored, \"%s\" in the file (%s)\n"),
				k.Line, domain.FieldLabel(f.Field, env.Lang), f.Old, f.New, kept)
		}
	}
	fmt.Fprintln(w, m("    (--identity file prend le code et le nom du fichier pour toutes ces lignes, --identity-rows N,… ligne à ligne)",
		"    (--identity file takes the file’s code and name for all these rows, --identity-rows N,… row by row)"))
}
