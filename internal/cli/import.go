package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"carnet/internal/domain"
	"carnet/internal/importer"
)

func init() {
	register("import", "import customers from a CSV/XLSX file: carnet import FILE [--dry-run] [--json] (see --help)", runImport)
}

// importHelp documents the exit codes and what happens to rows in error.
const importHelp = `Usage: carnet import FILE [options]

Reads FILE (CSV, TXT or XLSX), maps its columns to customer fields (saved
profile whose header fingerprint matches, else recognised column names),
checks every row and imports them in one transaction.

Rows in error are not imported: the valid rows are, and every row in error
is reported with its row, column, value and the fix (--errors-xlsx writes
them to a workbook with an "Erreur" column, ready to fix and re-import).
Nothing is written with --dry-run, when the file cannot be read, or when
the mapping is refused.

Exit codes: 0 every row imported (or checked) without error; 1 nothing
imported (file unreadable, mapping refused, database error); 2 bad usage;
3 partial: the valid rows were imported (or would be, with --dry-run) and
the rows in error were skipped.

Options:
`

func runImport(ctx context.Context, env *Env, args []string) error {
	f := newFlags("import", env)
	f.Usage = func() { fmt.Fprint(env.Stderr, importHelp); f.PrintDefaults() }
	sheetName := f.String("sheet", "", "XLSX: the sheet to read (default: the first with data)")
	headerRow := f.Int("header-row", 0, "physical row of the header (default: detected)")
	encoding := f.String("encoding", "auto", "auto|utf-8|windows-1252")
	delimiter := f.String("delimiter", "auto", "auto|';'|','|tab|'|'")
	profile := f.String("profile", "", "use the saved mapping profile NAME")
	saveProfile := f.String("save-profile", "", "save the mapping (and options) as profile NAME")
	mapSpec := f.String("map", "", "'Header=field,...' (field: key, label, custom:Name, or ignore)")
	key := f.String("key", "", "matching key: id|code|email|siret (default: id, code, email, SIRET/VAT in turn)")
	dryRun := f.Bool("dry-run", false, "check only: write nothing")
	emptyClears := f.Bool("empty-clears", false, "an empty cell clears the stored value (default: keeps it)")
	allowBalance := f.Bool("allow-balance", false, "write the Balance column as a balance adjustment entry")
	createSources := f.Bool("create-sources", false, "create missing marketing sources (default: error)")
	noCreateGroups := f.Bool("no-create-groups", false, "missing groups are errors instead of being created")
	unprotect := f.String("unprotect", "", "fields to let the import overwrite, comma-separated (credit_limit,...)")
	errorsXLSX := f.String("errors-xlsx", "", "write the rows in error to this XLSX file")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{"expected one FILE"}
	}
	settings := importer.Settings{Sheet: *sheetName, HeaderRow: *headerRow, Encoding: *encoding}
	if settings.Delimiter, err = parseDelimiter(*delimiter); err != nil {
		return err
	}
	switch importer.Key(*key) {
	case importer.KeyAuto, importer.KeyID, importer.KeyCode, importer.KeyEmail, importer.KeySIRET:
	default:
		return usageError{"--key must be id, code, email or siret"}
	}
	svc, err := f.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	im := importer.New(svc)

	preview, err := im.Preview(ctx, pos[0], settings, 5)
	if err != nil {
		return err
	}
	mapping, opts := importer.MappingOf(preview.Suggestions), preview.Options
	usedProfile := preview.Profile
	if *profile != "" {
		p, err := findProfile(ctx, im, *profile)
		if err != nil {
			return err
		}
		if len(p.Mapping) != len(preview.Headers) {
			return &domain.Error{Code: "profile_mismatch", Message: domain.Message{
				FR: "Le profil « " + p.Name + " » ne correspond pas aux colonnes de ce fichier.",
				EN: "Profile \"" + p.Name + "\" does not match this file’s columns."}}
		}
		mapping, opts, usedProfile = p.Mapping, p.Options, p.Name
	}
	if *mapSpec != "" {
		if mapping, err = importer.ParseMap(*mapSpec, preview.Headers, mapping); err != nil {
			return err
		}
	}
	opts.Key = importer.Key(*key)
	opts.EmptyClears = opts.EmptyClears || *emptyClears
	opts.ApplyBalance = opts.ApplyBalance || *allowBalance
	opts.CreateSources = opts.CreateSources || *createSources
	if *noCreateGroups {
		opts.CreateGroups = false
	}
	if opts.Protected == nil {
		opts.Protected = importer.DefaultProtected()
	}
	if *unprotect != "" {
		opts.Protected = without(opts.Protected, strings.Split(*unprotect, ","))
	}
	req := importer.Request{Path: pos[0], Settings: settings, Mapping: mapping, Options: opts, Lang: env.Lang,
		SampleProblems: 10000, Profile: usedProfile}

	// Progress goes to a terminal only, on one line rewritten in place.
	showProgress := !*f.json && isTerminal(env.Stderr)
	progress := func(p importer.Progress) {
		switch {
		case !showProgress:
		case p.Estimate > 0:
			fmt.Fprintf(env.Stderr, "\r%d / ~%d (%.0f%%, %.0f/s)\033[K", p.Done, p.Estimate, 100*float64(p.Done)/float64(p.Estimate), p.Rate)
		default:
			fmt.Fprintf(env.Stderr, "\r%d… (%.0f/s)\033[K", p.Done, p.Rate)
		}
	}
	var res *importer.Result
	if *dryRun {
		var plan *importer.Plan
		if plan, err = im.Check(ctx, req, progress); err == nil {
			res = &importer.Result{Plan: *plan}
		}
	} else {
		res, err = im.Commit(ctx, req, progress)
	}
	if showProgress {
		fmt.Fprint(env.Stderr, "\r\033[K")
	}
	if err != nil {
		return err
	}
	if len(res.Refused) == 0 && *saveProfile != "" {
		err := im.SaveProfile(ctx, importer.Profile{Name: *saveProfile, Headers: res.Headers, Mapping: mapping, Options: opts})
		if err != nil {
			return err
		}
	}
	if len(res.Refused) == 0 && *errorsXLSX != "" && res.Counts.Errors > 0 {
		if err := writeErrorsFile(ctx, im, req, *errorsXLSX); err != nil {
			return err
		}
	}
	if *f.json {
		if err := printJSON(env.Stdout, importJSON(res, env.Lang)); err != nil {
			return err
		}
	} else {
		printImport(env, res, *dryRun)
	}
	switch {
	case len(res.Refused) > 0:
		return exitError{code: 1, msg: domain.Message{FR: "importation refusée", EN: "import refused"}.In(env.Lang)}
	case res.Counts.Errors > 0:
		return exitError{code: 3, msg: fmt.Sprintf(domain.Message{FR: "%d ligne(s) en erreur non importée(s)", EN: "%d row(s) in error not imported"}.In(env.Lang), res.Counts.Errors)}
	}
	return nil
}

func parseDelimiter(s string) (rune, error) {
	switch strings.ToLower(strings.Trim(s, `'"`)) {
	case "", "auto":
		return 0, nil
	case "tab", `\t`, "\t":
		return '\t', nil
	case ";":
		return ';', nil
	case ",":
		return ',', nil
	case "|":
		return '|', nil
	}
	return 0, usageError{"--delimiter must be auto, ';', ',', tab or '|'"}
}

func findProfile(ctx context.Context, im *importer.Importer, name string) (importer.Profile, error) {
	list, err := im.Profiles(ctx)
	if err != nil {
		return importer.Profile{}, err
	}
	for _, p := range list {
		if strings.EqualFold(p.Name, name) {
			return p, nil
		}
	}
	return importer.Profile{}, &domain.Error{Code: "profile_unknown", Message: domain.Message{
		FR: "Aucun profil d’importation ne s’appelle « " + name + " ».", EN: "No import profile is called \"" + name + "\"."}}
}

func without(list, drop []string) []string {
	out := []string{}
	for _, x := range list {
		keep := true
		for _, d := range drop {
			if strings.TrimSpace(d) == x {
				keep = false
			}
		}
		if keep {
			out = append(out, x)
		}
	}
	return out
}

func writeErrorsFile(ctx context.Context, im *importer.Importer, req importer.Request, path string) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := im.ExportErrors(ctx, req, out); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// problemJSON is one error or warning of import --json.
type problemJSON struct {
	Row     int    `json:"row"`
	Column  string `json:"column"`
	Field   string `json:"field,omitempty"`
	Value   string `json:"value"`
	Code    string `json:"code"`
	Message string `json:"message"`
	Fix     string `json:"fix,omitempty"`
}

func importJSON(res *importer.Result, lang string) map[string]any {
	mapping := map[string]string{}
	for i, h := range res.Headers {
		if i < len(res.Mapping) && res.Mapping[i] != importer.Ignore {
			name := h
			if _, dup := mapping[name]; dup {
				name = h + " (" + strconv.Itoa(i+1) + ")"
			}
			mapping[name] = res.Mapping[i]
		}
	}
	errs, warns := []problemJSON{}, []problemJSON{}
	for _, p := range append(res.Refused, res.Problems...) {
		pj := problemJSON{Row: p.Row, Column: p.Column, Field: p.Field, Value: p.Value, Code: p.Code,
			Message: p.Message.In(lang), Fix: fixWithFlag(p, lang)}
		if p.Severity == importer.SeverityError {
			errs = append(errs, pj)
		} else {
			warns = append(warns, pj)
		}
	}
	d := res.Detected
	return map[string]any{
		"file": res.File, "format": d.Format, "encoding": d.Encoding, "delimiter": d.Delimiter, "sheet": d.Sheet,
		"header_row": d.HeaderRow, "mapping": mapping, "rows": res.Counts.Rows, "created": res.Counts.Created,
		"updated": res.Counts.Updated, "unchanged": res.Counts.Unchanged, "skipped": res.Counts.Skipped,
		"error_rows": res.Counts.Errors, "errors": errs, "warnings": warns, "truncated": res.Truncated,
		"refused": len(res.Refused) > 0, "batch": res.Batch, "seconds": res.Duration.Seconds(),
	}
}

// optionFlags names the command-line flag of the import option a problem's
// fix asks for: the engine's messages name the option as the window shows
// it, and only the command line speaks of flags.
var optionFlags = map[string]string{
	"balance.ignored": "--allow-balance",
	"source.unknown":  "--create-sources",
}

// fixWithFlag is a problem's fix, with the flag that turns the option on.
func fixWithFlag(p importer.Problem, lang string) string {
	fix := p.Fix.In(lang)
	if flag := optionFlags[p.Code]; flag != "" && fix != "" {
		fix += " (" + flag + ")"
	}
	return fix
}

// maxShownProblems is how many errors the human output lists.
const maxShownProblems = 20

func printImport(env *Env, res *importer.Result, dryRun bool) {
	w := env.Stdout
	m := func(fr, en string) string { return domain.Message{FR: fr, EN: en}.In(env.Lang) }
	d := res.Detected
	if d.Format == "xlsx" {
		fmt.Fprintf(w, m("Fichier %s — feuille « %s », en-tête ligne %d\n", "File %s — sheet \"%s\", header on row %d\n"), res.File, d.Sheet, d.HeaderRow)
	} else {
		fmt.Fprintf(w, m("Fichier %s — %s, séparateur « %s », en-tête ligne %d\n", "File %s — %s, separator \"%s\", header on row %d\n"), res.File, d.Encoding, d.Delimiter, d.HeaderRow)
	}
	if len(res.Refused) > 0 {
		fmt.Fprintln(w, m("Importation refusée :", "Import refused:"))
		for _, p := range res.Refused {
			fmt.Fprintf(w, "  %s %s\n", p.Column, p.Message.In(env.Lang))
		}
		return
	}
	c := res.Counts
	if dryRun {
		fmt.Fprintln(w, m("Vérification (rien n’est écrit) :", "Check (nothing written):"))
	} else {
		fmt.Fprintf(w, m("Importation n° %d :\n", "Import #%d:\n"), res.Batch)
	}
	counts := m("  %d lignes : %d créées, %d modifiées, %d inchangées, %d en erreur (non importées), %d ignorées (%.1f s)\n",
		"  %d rows: %d created, %d updated, %d unchanged, %d in error (not imported), %d skipped (%.1f s)\n")
	if dryRun {
		counts = m("  %d lignes : %d à créer, %d à modifier, %d inchangées, %d en erreur, %d ignorées (%.1f s)\n",
			"  %d rows: %d to create, %d to update, %d unchanged, %d in error, %d skipped (%.1f s)\n")
	}
	fmt.Fprintf(w, counts, c.Rows, c.Created, c.Updated, c.Unchanged, c.Errors, c.Skipped, res.Duration.Seconds())
	shown := 0
	for _, p := range res.Problems {
		if p.Severity != importer.SeverityError || shown >= maxShownProblems {
			continue
		}
		shown++
		fmt.Fprintf(w, m("  ligne %d, colonne « %s » (%s) : %s %s\n", "  row %d, column \"%s\" (%s): %s %s\n"),
			p.Row, p.Column, p.Value, p.Message.In(env.Lang), fixWithFlag(p, env.Lang))
	}
	if c.Errors > shown && shown > 0 {
		fmt.Fprintln(w, m("  … (--errors-xlsx FICHIER exporte toutes les lignes en erreur)", "  … (--errors-xlsx FILE exports every row in error)"))
	}
	if c.Warnings > 0 {
		fmt.Fprintf(w, m("  %d avertissement(s) (--json pour le détail)\n", "  %d warning(s) (--json for details)\n"), c.Warnings)
	}
}

// exitError ends a command with a specific exit code after its output.
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }
func (e exitError) ExitCode() int { return e.code }

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
