package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"carnet/internal/domain"
	"carnet/internal/importer"
)

func init() {
	register("import", domain.Message{FR: "importer des clients d’un fichier CSV/XLSX : carnet import FICHIER [--dry-run] [--json] (voir --help)",
		EN: "import customers from a CSV/XLSX file: carnet import FILE [--dry-run] [--json] (see --help)"}, runImport)
	onCancel("import", domain.Message{FR: "Importation annulée : rien n’a été écrit.", EN: "Import cancelled: nothing was written."})
}

// importHelp documents the exit codes and what happens to rows in error.
var importHelp = domain.Message{FR: `Usage : carnet import FICHIER [options]

Lit FICHIER (CSV, TXT ou XLSX), associe ses colonnes aux champs du client
(profil enregistré dont l’empreinte des en-têtes correspond, sinon noms de
colonnes reconnus), vérifie chaque ligne et les importe en une transaction,
après une sauvegarde de la base.

Les lignes en erreur ne sont pas importées : les lignes valides le sont, et
chaque ligne en erreur est signalée avec sa ligne, sa colonne, sa valeur et
la correction (--errors-xlsx les écrit dans un classeur avec une colonne
« Erreur », prêt à corriger et réimporter). Rien n’est écrit avec
--dry-run, quand le fichier ne peut pas être lu ou quand la correspondance
est refusée.

Avec --json, « plan » liste chaque ligne créée, modifiée, en erreur, ignorée
ou en conflit : son action, son code client, chaque champ changé
{field, old, new} et ses problèmes (--changes-limit N en garde N ; les
comptes restent complets). Une ligne rapprochée par e-mail ou SIRET/TVA d’un
client dont le code ou le nom diffère est un conflit d’identité, listé à
part (« conflicts ») : le code et le nom enregistrés sont gardés, sauf
--identity file ou --identity-rows.

Codes de sortie : 0 toutes les lignes importées (ou vérifiées) sans erreur ;
1 rien d’importé (fichier illisible, correspondance refusée, erreur de la
base, interruption) ; 2 ligne de commande incorrecte ; 3 partiel : les lignes
valides ont été importées (ou le seraient, avec --dry-run) et les lignes en
erreur laissées de côté ; 4 importé, mais le classeur --errors-xlsx n’a pas
pu être écrit.

Options :
`, EN: `Usage: carnet import FILE [options]

Reads FILE (CSV, TXT or XLSX), maps its columns to customer fields (saved
profile whose header fingerprint matches, else recognised column names),
checks every row and imports them in one transaction, after a backup of
the database.

Rows in error are not imported: the valid rows are, and every row in error
is reported with its row, column, value and the fix (--errors-xlsx writes
them to a workbook with an "Erreur" column, ready to fix and re-import).
Nothing is written with --dry-run, when the file cannot be read, or when
the mapping is refused.

With --json, "plan" lists every row created, updated, in error, skipped or
in conflict: its action, its customer code, each field changed
{field, old, new} and its problems (--changes-limit N keeps N of them; the
counts stay whole). A row matched by e-mail or SIRET/VAT to a customer
whose code or name differs is an identity conflict, listed apart
("conflicts"): the stored code and name are kept, unless --identity file or
--identity-rows.

Exit codes: 0 every row imported (or checked) without error; 1 nothing
imported (file unreadable, mapping refused, database error, interrupted);
2 bad usage; 3 partial: the valid rows were imported (or would be, with
--dry-run) and the rows in error were skipped; 4 imported, but the
--errors-xlsx workbook could not be written.

Options:
`}

// importFlags are the options of carnet import.
type importFlags struct {
	*flags
	sheet, encoding, delimiter, profile, saveProfile, mapSpec, key, unprotect, errorsXLSX *string
	identity, identityRows, skipRows                                                      *string
	site                                                                                  *string
	headerRow, changesLimit                                                               *int
	dryRun, emptyClears, allowBalance, createSources, createGroups, noCreateGroups, force *bool
	codeRequired                                                                          *bool
	// skip and identityLines are --skip-rows and --identity-rows read.
	skip, identityLines []int
	// rows collects the per-row plan of --json.
	rows *rowList
	// given holds the flags written on the command line: only they change
	// the options of a saved profile.
	given map[string]bool
}

func newImportFlags(env *Env) *importFlags {
	f := newFlags("import", env)
	f.help(importHelp.FR, importHelp.EN)
	m := env.m
	return &importFlags{flags: f,
		sheet:       f.String("sheet", "", m("XLSX : la feuille à lire (par défaut : la première qui a des données)", "XLSX: the sheet to read (default: the first with data)")),
		headerRow:   f.Int("header-row", 0, m("ligne physique de l’en-tête (par défaut : détectée)", "physical row of the header (default: detected)")),
		encoding:    f.String("encoding", "auto", "auto|utf-8|windows-1252"),
		delimiter:   f.String("delimiter", "auto", "auto|';'|','|tab|'|'"),
		profile:     f.String("profile", "", m("utiliser le profil de correspondance enregistré NOM", "use the saved mapping profile NAME")),
		saveProfile: f.String("save-profile", "", m("enregistrer la correspondance (et les options) comme profil NOM", "save the mapping (and options) as profile NAME")),
		mapSpec:     f.String("map", "", m("'En-tête=champ,...' (champ : clé, libellé, custom:Nom ou ignore)", "'Header=field,...' (field: key, label, custom:Name, or ignore)")),
		key: f.String("key", "", m("clé de rapprochement : auto|id|code|email|siret (par défaut : celle du profil, sinon auto : id, code, e-mail, SIRET/TVA tour à tour)",
			"matching key: auto|id|code|email|siret (default: the profile’s, else auto: id, code, email, SIRET/VAT in turn)")),
		dryRun: f.Bool("dry-run", false, m("vérifier seulement : ne rien écrire", "check only: write nothing")),
		emptyClears: f.Bool("empty-clears", false, m("une cellule vide efface la valeur enregistrée (par défaut : le choix du profil, sinon elle la garde ; =false pour la garder)",
			"an empty cell clears the stored value (default: the profile’s choice, else it keeps it; =false to keep it)")),
		allowBalance: f.Bool("allow-balance", false, m("écrire la colonne Solde comme une correction de solde (par défaut : le choix du profil, sinon non ; =false pour l’ignorer)",
			"write the Balance column as a balance adjustment entry (default: the profile’s choice, else no; =false to ignore it)")),
		createSources: f.Bool("create-sources", false, m("créer les sources marketing manquantes (par défaut : le choix du profil, sinon erreur ; =false pour refuser)",
			"create missing marketing sources (default: the profile’s choice, else error; =false to refuse them)")),
		createGroups: f.Bool("create-groups", true, m("créer les groupes manquants (par défaut : le choix du profil, sinon oui ; =false : ils sont des erreurs)",
			"create missing groups (default: the profile’s choice, else yes; =false: they are errors)")),
		noCreateGroups: f.Bool("no-create-groups", false, m("comme --create-groups=false", "same as --create-groups=false")),
		unprotect:      f.String("unprotect", "", m("champs que l’import peut écraser, séparés par des virgules (credit_limit,...)", "fields to let the import overwrite, comma-separated (credit_limit,...)")),
		errorsXLSX:     f.String("errors-xlsx", "", m("écrire les lignes en erreur dans ce classeur XLSX", "write the rows in error to this XLSX file")),
		force:          f.Bool("force", false, m("remplacer le classeur --errors-xlsx s’il existe", "replace the --errors-xlsx workbook if it exists")),
		codeRequired: f.Bool("code-required", false, m("refuser une ligne sans code client au lieu de la numéroter (par défaut : le choix du profil, sinon non)",
			"refuse a row without a customer code instead of numbering it (default: the profile’s choice, else no)")),
		identity: f.String("identity", "", m("ligne rapprochée par e-mail ou SIRET/TVA d’un client au code ou au nom différent : keep garde ceux enregistrés, file prend ceux du fichier (par défaut : le choix du profil, sinon keep)",
			"row matched by e-mail or SIRET/VAT to a customer with another code or name: keep keeps the stored ones, file takes the file’s (default: the profile’s choice, else keep)")),
		identityRows: f.String("identity-rows", "", m("lignes physiques décidées à l’inverse de --identity, séparées par des virgules", "physical rows decided the other way from --identity, comma-separated")),
		skipRows:     f.String("skip-rows", "", m("lignes physiques à laisser de côté, séparées par des virgules (4,7,12)", "physical rows to leave out, comma-separated (4,7,12)")),
		changesLimit: f.Int("changes-limit", 0, m("--json : lister au plus N lignes dans \"plan\" (0 : toutes) ; les comptes restent complets",
			"--json: list at most N rows under \"plan\" (0: all); the counts stay whole")),
		site: f.String("site", "", m("le site importé : les colonnes partagées changent la fiche commune, les colonnes du site ses champs propres (par défaut : le site principal)",
			"the site imported into: shared columns change the shared record, site columns its own fields (default: the main site)")),
	}
}

// parse reads the command line, notes the flags it gives and checks the
// values that need no file: the file to import is returned.
func (o *importFlags) parse(args []string) (string, importer.Settings, error) {
	pos, err := o.flags.parse(args)
	if err != nil {
		return "", importer.Settings{}, err
	}
	o.given = map[string]bool{}
	o.Visit(func(fl *flag.Flag) { o.given[fl.Name] = true })
	if len(pos) != 1 {
		return "", importer.Settings{}, usageErr("un FICHIER attendu", "expected one FILE")
	}
	settings := importer.Settings{Sheet: *o.sheet, HeaderRow: *o.headerRow, Encoding: *o.encoding}
	if settings.Delimiter, err = parseDelimiter(*o.delimiter); err != nil {
		return "", settings, err
	}
	if strings.EqualFold(*o.key, "auto") {
		*o.key = string(importer.KeyAuto)
	}
	switch importer.Key(*o.key) {
	case importer.KeyAuto, importer.KeyID, importer.KeyCode, importer.KeyEmail, importer.KeySIRET:
	default:
		return "", settings, usageErr("--key attend auto, id, code, email ou siret", "--key must be auto, id, code, email or siret")
	}
	switch strings.ToLower(*o.identity) {
	case "", "keep", "file":
	default:
		return "", settings, usageErr("--identity attend keep ou file", "--identity must be keep or file")
	}
	if o.skip, err = parseLines("--skip-rows", *o.skipRows); err != nil {
		return "", settings, err
	}
	if o.identityLines, err = parseLines("--identity-rows", *o.identityRows); err != nil {
		return "", settings, err
	}
	if *o.changesLimit < 0 {
		return "", settings, usageErr("--changes-limit attend un nombre positif (0 : toutes les lignes)", "--changes-limit must be a positive number (0: every row)")
	}
	if o.given["create-groups"] && o.given["no-create-groups"] && *o.createGroups == *o.noCreateGroups {
		return "", settings, usageErr("--create-groups et --no-create-groups se contredisent : gardez l’une", "--create-groups and --no-create-groups contradict each other: keep one")
	}
	return pos[0], settings, nil
}

// options are the saved profile's options (or the defaults) with the flags
// given on the command line over them: a flag left out keeps the profile's
// choice, and a boolean flag turns an option off as well as on (=false).
func (o *importFlags) options(opts importer.Options) importer.Options {
	set := func(name string, to *bool, value bool) {
		if o.given[name] {
			*to = value
		}
	}
	if o.given["key"] {
		opts.Key = importer.Key(*o.key)
	}
	set("empty-clears", &opts.EmptyClears, *o.emptyClears)
	set("allow-balance", &opts.ApplyBalance, *o.allowBalance)
	set("create-sources", &opts.CreateSources, *o.createSources)
	set("create-groups", &opts.CreateGroups, *o.createGroups)
	set("no-create-groups", &opts.CreateGroups, !*o.noCreateGroups)
	set("code-required", &opts.CodeRequired, *o.codeRequired)
	if *o.identity != "" {
		opts.IdentityFromFile = strings.EqualFold(*o.identity, "file")
	}
	// Rows are the file's, not the profile's: only the command line's.
	opts.IdentityLines, opts.ExcludeLines = o.identityLines, o.skip
	if opts.Protected == nil {
		opts.Protected = importer.DefaultProtected()
	}
	if *o.unprotect != "" {
		opts.Protected = without(opts.Protected, strings.Split(*o.unprotect, ","))
	}
	return opts
}

// request is the import to run: the file's mapping (the profile named,
// else the one recognised, else the suggestions) with --map over it, and
// the options.
func (o *importFlags) request(ctx context.Context, im *importer.Importer, path string, settings importer.Settings, lang string) (importer.Request, error) {
	preview, err := im.Preview(ctx, path, settings, 5)
	if err != nil {
		return importer.Request{}, err
	}
	mapping, opts := importer.MappingOf(preview.Suggestions), preview.Options
	usedProfile := preview.Profile
	if *o.profile != "" {
		p, err := findProfile(ctx, im, *o.profile)
		if err != nil {
			return importer.Request{}, err
		}
		if len(p.Mapping) != len(preview.Headers) {
			return importer.Request{}, &domain.Error{Code: "profile_mismatch", Message: domain.Message{
				FR: "Le profil « " + p.Name + " » ne correspond pas aux colonnes de ce fichier.",
				EN: "Profile \"" + p.Name + "\" does not match this file’s columns."}}
		}
		mapping, opts, usedProfile = p.Mapping, p.Options, p.Name
	}
	if *o.mapSpec != "" {
		if mapping, err = importer.ParseMap(*o.mapSpec, preview.Headers, mapping); err != nil {
			return importer.Request{}, err
		}
	}
	return importer.Request{Path: path, Settings: settings, Mapping: mapping, Options: o.options(opts), Lang: lang,
		SampleProblems: 10000, Profile: usedProfile}, nil
}

func runImport(ctx context.Context, env *Env, args []string) error {
	o := newImportFlags(env)
	file, settings, err := o.parse(args)
	if err != nil {
		return err
	}
	dbPath, err := o.dbPath()
	if err != nil {
		return err
	}
	// Refused before anything is read or written: an errors workbook
	// named like the file imported once destroyed it.
	if err := checkOutput(*o.errorsXLSX, []string{file}, dbPath, *o.force); err != nil {
		return err
	}
	svc, err := o.openToChange(ctx)
	if err != nil {
		return err
	}
	defer svc.Close()
	var site domain.Site
	if *o.site != "" {
		if site, err = useSite(ctx, svc, *o.site); err != nil {
			return err
		}
	}
	im := importer.New(svc)
	req, err := o.request(ctx, im, file, settings, env.Lang)
	if err != nil {
		return err
	}
	req.Options.Site = site.Code
	if *o.json {
		if o.rows, err = newRowList(*o.changesLimit, env.Lang); err != nil {
			return err
		}
		defer o.rows.close()
		req.OnRow, req.DescribeCreations = o.rows.add, true
	}
	res, err := o.execute(ctx, env, im, req)
	if err != nil {
		return err
	}
	outputErr, err := o.keep(ctx, im, req, res)
	if err != nil {
		return err
	}
	if *o.json {
		if err := printJSONWithRows(env.Stdout, importJSON(res, env.Lang), o.rows); err != nil {
			return err
		}
	} else {
		printImport(env, res, *o.dryRun)
	}
	return importOutcome(env, res, outputErr, *o.dryRun)
}

// execute checks (--dry-run) or commits the import, showing its progress
// on a terminal, on one line rewritten in place.
func (o *importFlags) execute(ctx context.Context, env *Env, im *importer.Importer, req importer.Request) (*importer.Result, error) {
	showProgress := !*o.json && isTerminal(env.Stderr)
	progress := func(p importer.Progress) {
		switch {
		case !showProgress:
		case p.Estimate > 0:
			fmt.Fprintf(env.Stderr, "\r%d / ~%d (%.0f%%, %.0f/s)\033[K", p.Done, p.Estimate, 100*float64(p.Done)/float64(p.Estimate), p.Rate)
		default:
			fmt.Fprintf(env.Stderr, "\r%d… (%.0f/s)\033[K", p.Done, p.Rate)
		}
	}
	if showProgress {
		defer fmt.Fprint(env.Stderr, "\r\033[K")
	}
	if !*o.dryRun {
		return im.Commit(ctx, req, progress)
	}
	plan, err := im.Check(ctx, req, progress)
	if err != nil {
		return nil, err
	}
	return &importer.Result{Plan: *plan}, nil
}

// keep saves what the import asked to keep once it is not refused: the
// profile (--save-profile) and the rows in error (--errors-xlsx). An
// errors workbook that cannot be written is outputErr, reported after the
// import's own output.
func (o *importFlags) keep(ctx context.Context, im *importer.Importer, req importer.Request, res *importer.Result) (outputErr, err error) {
	if len(res.Refused) > 0 {
		return nil, nil
	}
	if *o.saveProfile != "" {
		err := im.SaveProfile(ctx, importer.Profile{Name: *o.saveProfile, Headers: res.Headers, Mapping: req.Mapping, Options: req.Options})
		if err != nil {
			return nil, err
		}
	}
	if *o.errorsXLSX != "" && res.Counts.Errors > 0 {
		outputErr = writeOutput(*o.errorsXLSX, func(w io.Writer) error {
			_, err := im.ExportErrors(ctx, req, w)
			return err
		})
	}
	return outputErr, nil
}

// importOutcome is the exit of carnet import once its output is printed.
func importOutcome(env *Env, res *importer.Result, outputErr error, dryRun bool) error {
	switch {
	case outputErr != nil && !dryRun && res.Batch != 0:
		// The import is committed: say so, with its own exit code, so that
		// a script never takes it for "nothing imported".
		return exitError{code: 4, msg: fmt.Sprintf(env.m("importation n° %d faite, mais le classeur des erreurs n’a pas pu être écrit : %s",
			"import #%d done, but the errors workbook could not be written: %s"), res.Batch, domain.UserMessage(outputErr, env.Lang))}
	case outputErr != nil:
		return outputErr
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
	return 0, usageErr("--delimiter attend auto, ';', ',', tab ou '|'", "--delimiter must be auto, ';', ',', tab or '|'")
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
	conflicts := []*conflictJSON{}
	for _, c := range res.Conflicts {
		conflicts = append(conflicts, conflictOf(c))
	}
	d := res.Detected
	return map[string]any{
		"file": res.File, "format": d.Format, "encoding": d.Encoding, "delimiter": d.Delimiter, "sheet": d.Sheet,
		"header_row": d.HeaderRow, "mapping": mapping, "rows": res.Counts.Rows, "created": res.Counts.Created,
		"updated": res.Counts.Updated, "unchanged": res.Counts.Unchanged, "skipped": res.Counts.Skipped,
		"error_rows": res.Counts.Errors, "errors": errs, "warnings": warns, "truncated": res.Truncated,
		"conflict_rows": res.Counts.Conflicts, "conflicts": conflicts,
		"refused": len(res.Refused) > 0, "batch": res.Batch, "seconds": res.Duration.Seconds(),
	}
}

// optionFlags names the command-line flag of the import option a problem's
// fix asks for: the engine's messages name the option as the window shows
// it, and only the command line speaks of flags.
var optionFlags = map[string]string{
	"balance.ignored": "--allow-balance",
	"source.unknown":  "--create-sources",
	"column.ignored":  "--map",
	"mapping.invalid": "--map",
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
			if p.Column != "" {
				fmt.Fprintf(w, m("  colonne « %s » : ", "  column \"%s\": "), p.Column)
			} else {
				fmt.Fprint(w, "  ")
			}
			fmt.Fprintln(w, p.Message.In(env.Lang), fixWithFlag(p, env.Lang))
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
	if res.Backup != "" {
		fmt.Fprintln(w, m("  sauvegarde faite avant : ", "  backup made before: ")+res.Backup)
	}
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
	printConflicts(env, res)
}

// parseLines reads a comma-separated list of physical row numbers.
func parseLines(flagName, s string) ([]int, error) {
	var out []int
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		n, err := strconv.Atoi(part)
		if err != nil || n < 1 {
			return nil, usageErr(flagName+" attend des numéros de ligne séparés par des virgules (4,7,12), pas « "+part+" »",
				flagName+" expects row numbers separated by commas (4,7,12), not \""+part+"\"")
		}
		out = append(out, n)
	}
	return out, nil
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
