package cli

import (
	"context"
	"fmt"
	"strings"

	"carnet/internal/domain"
	"carnet/internal/export"
	"carnet/internal/format"
	"carnet/internal/store"
)

func init() {
	register("export", domain.Message{FR: "exporter des clients : carnet export FICHIER [--query Q] [--group G] [--site S] [--format F]",
		EN: "export customers: carnet export FILE [--query Q] [--group G] [--site S] [--format F]"}, runExport)
	onCancel("export", domain.Message{FR: "Interrompu : aucun fichier n’a été écrit.", EN: "Interrupted: no file was written."})
}

func runExport(ctx context.Context, env *Env, args []string) error {
	f := newFlags("export", env)
	f.help("Usage : carnet export FICHIER [--query Q] [--group G] [--site S] [--format F] [--json]\n"+
		"Exporte les clients (tous, ceux d’une recherche, d’un groupe ou d’un site). Le format suit l’extension (.xlsx, .csv, .vcf, .pdf) sauf --format.\n"+
		"Formats : xlsx, csv (UTF-8), csv-windows-1252 (ancien Excel), accounts (comptes pour la comptabilité), mailing (publipostage), vcard, labels (étiquettes PDF 3 × 8).\n\nOptions :\n",
		"Usage: carnet export FILE [--query Q] [--group G] [--site S] [--format F] [--json]\n"+
			"Exports the customers (all, a search's, a group's or a site's). The format follows the extension (.xlsx, .csv, .vcf, .pdf) unless --format.\n"+
			"Formats: xlsx, csv (UTF-8), csv-windows-1252 (old Excel), accounts (for the accounting software), mailing (mail merge), vcard, labels (PDF labels 3 × 8).\n\nOptions:\n")
	query := f.String("query", "", env.m("seulement les clients que cette recherche trouve (comme l’onglet Clients)", "only the customers this search finds (as the Clients tab)"))
	group := f.String("group", "", env.m("seulement les clients de ce groupe", "only the customers of this group"))
	siteCode := f.String("site", "", env.m("seulement les clients de ce site, avec ses champs propres (par défaut : tous, champs du site principal)",
		"only the customers of this site, with its site fields (default: all, the main site's fields)"))
	formatName := f.String("format", "", env.m("xlsx, csv, csv-windows-1252, accounts, mailing, vcard ou labels (par défaut : selon l’extension)",
		"xlsx, csv, csv-windows-1252, accounts, mailing, vcard or labels (default: from the extension)"))
	sortBy := f.String("sort", "name", env.m("trier par name, code, city, email, phone ou balance", "sort by name, code, city, email, phone or balance"))
	archived := f.Bool("archived", false, env.m("inclure les clients archivés", "include archived customers"))
	refused := f.Bool("include-refused", false, env.m("publipostage : garder les clients qui ont refusé la prospection", "mailings: keep the customers who refused marketing"))
	force := f.Bool("force", false, env.m("remplacer le fichier s’il existe", "replace the file if it exists"))
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("un FICHIER attendu", "expected one FILE")
	}
	path := pos[0]
	fmtChosen, err := exportFormat(path, *formatName)
	if err != nil {
		return err
	}
	db, err := f.dbPath()
	if err != nil {
		return err
	}
	if err := checkOutput(path, nil, db, *force); err != nil {
		return err
	}
	svc, err := f.openRead()
	if err != nil {
		return err
	}
	defer svc.Close()
	q := store.Query{Text: *query, Sort: *sortBy, Archived: store.FilterNo}
	if *archived {
		q.Archived = store.FilterAny
	}
	if *group != "" {
		if q.GroupID, err = groupNamed(ctx, svc, *group); err != nil {
			return err
		}
	}
	if *siteCode != "" {
		site, err := useSite(ctx, svc, *siteCode)
		if err != nil {
			return err
		}
		q.SiteID = site.ID
	}
	res, err := export.New(svc).Export(ctx, path, export.Request{Query: q, Format: fmtChosen, Lang: env.Lang, IncludeRefused: *refused})
	if err != nil {
		return err
	}
	if *f.json {
		return printJSON(env.Stdout, res)
	}
	fmt.Fprintf(env.Stdout, env.m("%s : %s client(s) écrit(s) (%s)\n", "%s: %s customer(s) written (%s)\n"),
		path, format.Count(res.Written, env.Lang), fmtChosen.Label(env.Lang))
	for _, s := range res.Skipped {
		fmt.Fprintf(env.Stdout, env.m("  %s : %s laissé(s) de côté\n", "  %s: %s left out\n"), s.Message.In(env.Lang), format.Count(s.Count, env.Lang))
	}
	return nil
}

// exportFormat is --format when given, else what the file's extension
// says.
func exportFormat(path, name string) (export.Format, error) {
	if name != "" {
		if f, ok := export.ParseFormat(name); ok {
			return f, nil
		}
		var names []string
		for _, f := range export.Formats {
			names = append(names, string(f))
		}
		list := strings.Join(names, ", ")
		return "", usageErr("format « "+name+" » inconnu : choisissez "+list+".", "unknown format \""+name+"\": choose "+list+".")
	}
	if f, ok := export.FormatForPath(path); ok {
		return f, nil
	}
	return "", usageErr("l’extension de « "+path+" » ne dit pas le format : nommez le fichier .xlsx, .csv, .vcf ou .pdf, ou ajoutez --format.",
		"the extension of \""+path+"\" does not say the format: name the file .xlsx, .csv, .vcf or .pdf, or add --format.")
}
