package cli

import (
	"context"
	"fmt"
	"strconv"

	"carnet/internal/domain"
	"carnet/internal/importer"
)

func init() {
	register("undo", "undo a whole import: carnet undo BATCH [--json]", runUndo)
}

func runUndo(ctx context.Context, env *Env, args []string) error {
	f := newFlags("undo", env)
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{"expected one BATCH number (see carnet imports)"}
	}
	batch, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil || batch <= 0 {
		return usageError{"BATCH must be an import number (see carnet imports)"}
	}
	svc, err := f.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	res, err := importer.New(svc).Undo(ctx, batch)
	if err != nil {
		return err
	}
	if *f.json {
		return printJSON(env.Stdout, res)
	}
	m := func(fr, en string) string { return domain.Message{FR: fr, EN: en}.In(env.Lang) }
	fmt.Fprintf(env.Stdout, m("Importation n° %d annulée : %d client(s) supprimé(s), %d restauré(s), %d écriture(s) de solde retirée(s).\n",
		"Import #%d undone: %d customer(s) removed, %d restored, %d balance entr(y/ies) removed.\n"),
		res.Batch, res.Removed, res.Restored, res.BalanceEntries)
	if len(res.LeftAlone) > 0 {
		fmt.Fprintf(env.Stdout, m("%d client(s) modifié(s) depuis l’importation, laissé(s) tel(s) quel(s) :\n",
			"%d customer(s) edited since the import, left as they are:\n"), len(res.LeftAlone))
		for _, l := range res.LeftAlone {
			fmt.Fprintf(env.Stdout, "  %s  %s\n", l.Code, l.Name)
		}
	}
	return nil
}
