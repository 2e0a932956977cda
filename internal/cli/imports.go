package cli

import (
	"context"
	"fmt"
	"text/tabwriter"

	"carnet/internal/domain"
	"carnet/internal/format"
	"carnet/internal/importer"
)

func init() {
	register("imports", domain.Message{FR: "le journal des importations : carnet imports [--json]",
		EN: "the import journal: carnet imports [--json]"}, runImports)
}

func runImports(ctx context.Context, env *Env, args []string) error {
	f := newFlags("imports", env)
	if _, err := f.parse(args); err != nil {
		return err
	}
	svc, err := f.openRead()
	if err != nil {
		return err
	}
	defer svc.Close()
	list, err := importer.New(svc).Journal(ctx)
	if err != nil {
		return err
	}
	if *f.json {
		if list == nil {
			list = []importer.Batch{}
		}
		return printJSON(env.Stdout, map[string]any{"imports": list})
	}
	m := func(fr, en string) string { return domain.Message{FR: fr, EN: en}.In(env.Lang) }
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, m("N°\tDate\tFichier\tCréés\tModifiés\tInchangés\tErreurs\tAnnulé le", "#\tDate\tFile\tCreated\tUpdated\tUnchanged\tErrors\tUndone"))
	for _, b := range list {
		undone := ""
		if b.UndoneAt != nil {
			undone = format.DateTime(*b.UndoneAt, env.Lang)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d\t%d\t%d\t%s\n", b.ID, format.DateTime(b.CreatedAt, env.Lang), b.File,
			b.Counts.Created, b.Counts.Updated, b.Counts.Unchanged, b.Counts.Errors, undone)
	}
	return tw.Flush()
}
