package cli

import (
	"context"
	"fmt"
	"os"

	"carnet/internal/domain"
	"carnet/internal/importer"
)

func init() {
	register("template", "write the import template: carnet template FILE.xlsx", runTemplate)
}

func runTemplate(ctx context.Context, env *Env, args []string) error {
	f := newFlags("template", env)
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{"expected one FILE.xlsx"}
	}
	out, err := os.Create(pos[0])
	if err != nil {
		return err
	}
	if err := importer.WriteTemplate(out, env.Lang); err != nil {
		out.Close()
		return fmt.Errorf("template %s: %w", pos[0], err)
	}
	if err := out.Close(); err != nil {
		return err
	}
	if *f.json {
		return printJSON(env.Stdout, map[string]any{"file": pos[0]})
	}
	fmt.Fprintln(env.Stdout, domain.Message{FR: "Modèle d’importation écrit : ", EN: "Import template written: "}.In(env.Lang)+pos[0])
	return nil
}
