package cli

import (
	"context"
	"fmt"
	"text/tabwriter"

	"carnet/internal/domain"
	"carnet/internal/format"
	"carnet/internal/service"
)

func init() {
	register("backup", domain.Message{FR: "sauvegarder la base de clients : carnet backup [FICHIER]",
		EN: "back up the customer database: carnet backup [FILE]"}, runBackup)
	register("backups", domain.Message{FR: "les sauvegardes de la base : carnet backups [--keep N] [--json]",
		EN: "the database’s backups: carnet backups [--keep N] [--json]"}, runBackups)
	register("restore", domain.Message{FR: "remettre une sauvegarde à la place de la base : carnet restore FICHIER",
		EN: "put a backup in place of the database: carnet restore FILE"}, runRestore)
	onCancel("restore", domain.Message{FR: "Interrompu : la base de clients n’a pas été remplacée.", EN: "Interrupted: the customer database was not replaced."})
}

func runBackup(ctx context.Context, env *Env, args []string) error {
	f := newFlags("backup", env)
	f.help("Usage : carnet backup [FICHIER] [--force]\nÉcrit une copie cohérente de la base de clients, même pendant qu’elle sert : dans FICHIER, ou sans FICHIER dans le dossier « sauvegardes » à côté de la base (les plus anciennes au-delà du nombre gardé sont retirées).\n\nOptions :\n",
		"Usage: carnet backup [FILE] [--force]\nWrites a consistent copy of the customer database, even while it is in use: to FILE, or without FILE to the \"sauvegardes\" folder beside the database (the oldest beyond the number kept are removed).\n\nOptions:\n")
	force := f.Bool("force", false, env.m("remplacer FICHIER s’il existe", "replace FILE if it exists"))
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usageErr("un FICHIER au plus", "at most one FILE")
	}
	dbPath, err := f.dbPath()
	if err != nil {
		return err
	}
	if len(pos) == 1 {
		if err := checkOutput(pos[0], nil, dbPath, *force); err != nil {
			return err
		}
	}
	svc, err := service.OpenReadOnly(dbPath)
	if err != nil {
		return err
	}
	defer svc.Close()
	var b domain.Backup
	if len(pos) == 1 {
		if err := svc.BackupTo(ctx, pos[0]); err != nil {
			return err
		}
		b.Path = pos[0]
	} else if b, err = svc.Backup(ctx); err != nil {
		return err
	}
	if *f.json {
		return printJSON(env.Stdout, map[string]any{"file": b.Path})
	}
	fmt.Fprintln(env.Stdout, env.m("Sauvegarde écrite : ", "Backup written: ")+b.Path)
	return nil
}

func runBackups(ctx context.Context, env *Env, args []string) error {
	f := newFlags("backups", env)
	keep := f.Int("keep", 0, env.m("garder désormais les N dernières sauvegardes (par défaut 10)", "keep the last N backups from now on (10 by default)"))
	if _, err := f.parse(args); err != nil {
		return err
	}
	dbPath, err := f.dbPath()
	if err != nil {
		return err
	}
	if *keep != 0 {
		svc, err := f.openToChange(ctx)
		if err != nil {
			return err
		}
		err = svc.SetBackupKeep(ctx, *keep)
		svc.Close()
		if err != nil {
			return err
		}
	}
	list, err := service.Backups(dbPath)
	if err != nil {
		return err
	}
	if *f.json {
		return printJSON(env.Stdout, map[string]any{"folder": service.BackupFolder(dbPath), "backups": list})
	}
	if len(list) == 0 {
		fmt.Fprintln(env.Stdout, env.m("Aucune sauvegarde dans ", "No backup in ")+service.BackupFolder(dbPath))
		return nil
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, env.m("Date\tRaison\tTaille\tFichier", "Date\tReason\tSize\tFile"))
	for _, b := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", format.DateTime(b.Time, env.Lang), domain.BackupReason(b.Reason, env.Lang), sizeText(b.Size, env), b.Path)
	}
	return tw.Flush()
}

func runRestore(ctx context.Context, env *Env, args []string) error {
	f := newFlags("restore", env)
	f.help("Usage : carnet restore FICHIER\nRemet la sauvegarde FICHIER à la place de la base de clients, après avoir sauvegardé la base actuelle. Fermez d’abord la fenêtre de Carnet.\n\nOptions :\n",
		"Usage: carnet restore FILE\nPuts the backup FILE in place of the customer database, after backing up the current one. Close Carnet’s window first.\n\nOptions:\n")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("un FICHIER de sauvegarde attendu (voir carnet backups)", "expected one backup FILE (see carnet backups)")
	}
	dbPath, err := f.dbPath()
	if err != nil {
		return err
	}
	// Putting a backup back undoes everything since: it takes the right
	// to change the settings when operators are on.
	if err := f.checkOperatorMay(ctx, domain.PermSettings); err != nil {
		return err
	}
	saved, err := service.Restore(ctx, dbPath, pos[0])
	if err != nil {
		return err
	}
	if *f.json {
		return printJSON(env.Stdout, map[string]any{"restored": pos[0], "db": dbPath, "backup_of_previous": saved.Path})
	}
	fmt.Fprintf(env.Stdout, env.m("Sauvegarde %s remise en place dans %s.\n", "Backup %s put back in %s.\n"), pos[0], dbPath)
	if saved.Path != "" {
		fmt.Fprintln(env.Stdout, env.m("La base d’avant est gardée dans ", "The previous database is kept in ")+saved.Path)
	}
	return nil
}

// sizeText is a file size in kB or MB.
func sizeText(n int64, env *Env) string {
	if n < 1<<20 {
		return fmt.Sprintf(env.m("%d ko", "%d kB"), (n+1023)/1024)
	}
	return fmt.Sprintf(env.m("%.1f Mo", "%.1f MB"), float64(n)/(1<<20))
}
