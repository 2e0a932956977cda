package cli

import (
	"context"
	"fmt"
	"io"
	"os"

	"carnet/internal/domain"
	"carnet/internal/importer"
	"carnet/internal/service"
)

func init() {
	register("template", domain.Message{FR: "écrire le modèle d’importation : carnet template FICHIER.xlsx",
		EN: "write the import template: carnet template FILE.xlsx"}, runTemplate)
}

func runTemplate(ctx context.Context, env *Env, args []string) error {
	f := newFlags("template", env)
	f.help("Usage : carnet template FICHIER.xlsx [--force]\nÉcrit le modèle d’importation (en-têtes, une ligne d’exemple, une feuille « Lisez-moi »).\n\nOptions :\n",
		"Usage: carnet template FILE.xlsx [--force]\nWrites the import template (headers, an example row, a \"Lisez-moi\" sheet).\n\nOptions:\n")
	force := f.Bool("force", false, env.m("remplacer le fichier s’il existe", "replace the file if it exists"))
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("un FICHIER.xlsx attendu", "expected one FILE.xlsx")
	}
	if err := checkOutput(pos[0], nil, "", *force); err != nil {
		return err
	}
	write, closeDB, err := templateWriter(ctx, f, env.Lang)
	if err != nil {
		return err
	}
	defer closeDB()
	if err := writeOutput(pos[0], write); err != nil {
		return fmt.Errorf("template %s: %w", pos[0], err)
	}
	if *f.json {
		return printJSON(env.Stdout, map[string]any{"file": pos[0]})
	}
	fmt.Fprintln(env.Stdout, env.m("Modèle d’importation écrit : ", "Import template written: ")+pos[0])
	return nil
}

// templateWriter writes the template of the chosen customer file, with a
// column per custom field it defines; without a customer file yet (the
// default one not created), the template has the built-in columns only.
func templateWriter(ctx context.Context, f *flags, lang string) (write func(io.Writer) error, closeDB func(), err error) {
	path, err := f.dbPath()
	if err != nil {
		return nil, nil, err
	}
	if _, err := os.Stat(path); err != nil {
		return func(w io.Writer) error { return importer.WriteTemplate(w, lang) }, func() {}, nil
	}
	svc, err := service.OpenReadOnly(path)
	if err != nil {
		return nil, nil, err
	}
	im := importer.New(svc)
	return func(w io.Writer) error { return im.WriteTemplateFor(ctx, w, lang) }, func() { svc.Close() }, nil
}
