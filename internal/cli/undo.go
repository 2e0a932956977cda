package cli

import (
	"context"
	"fmt"
	"strconv"

	"carnet/internal/domain"
	"carnet/internal/importer"
)

func init() {
	register("undo", domain.Message{FR: "annuler toute une importation : carnet undo N° [--json]",
		EN: "undo a whole import: carnet undo BATCH [--json]"}, runUndo)
	onCancel("undo", domain.Message{FR: "Interrompu : l’importation n’a pas été annulée, rien n’a changé.",
		EN: "Interrupted: the import was not undone, nothing changed."})
}

func runUndo(ctx context.Context, env *Env, args []string) error {
	f := newFlags("undo", env)
	f.help("Usage : carnet undo N°\nAnnule une importation entière (le n° vient de carnet imports), après une sauvegarde de la base.\n\nOptions :\n",
		"Usage: carnet undo BATCH\nUndoes a whole import (its number comes from carnet imports), after a backup of the database.\n\nOptions:\n")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("un numéro d’importation attendu (voir carnet imports)", "expected one import number (see carnet imports)")
	}
	batch, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil || batch <= 0 {
		return usageErr("« "+pos[0]+" » n’est pas un numéro d’importation (voir carnet imports)", "\""+pos[0]+"\" is not an import number (see carnet imports)")
	}
	svc, err := f.openToChange(ctx)
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
	if res.Backup != "" {
		fmt.Fprintln(env.Stdout, m("Sauvegarde faite avant : ", "Backup made before: ")+res.Backup)
	}
	if len(res.LeftAlone) > 0 {
		fmt.Fprintf(env.Stdout, m("%d client(s) modifié(s) depuis l’importation, laissé(s) tel(s) quel(s) :\n",
			"%d customer(s) edited since the import, left as they are:\n"), len(res.LeftAlone))
		for _, l := range res.LeftAlone {
			fmt.Fprintf(env.Stdout, "  %s  %s\n", l.Code, l.Name)
		}
	}
	return nil
}
