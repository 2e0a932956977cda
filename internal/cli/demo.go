package cli

import (
	"context"
	"fmt"
	"time"

	"carnet/internal/demo"
	"carnet/internal/domain"
)

func init() {
	register("demo", domain.Message{FR: "remplir une base de clients d’exemple réalistes : carnet demo --clients N",
		EN: "fill a database with realistic French sample customers: carnet demo --clients N"}, runDemo)
	onCancel("demo", domain.Message{FR: "Interrompu : aucun client d’exemple n’a été ajouté.", EN: "Interrupted: no sample customer was added."})
}

func runDemo(ctx context.Context, env *Env, args []string) error {
	f := newFlags("demo", env)
	f.help("Usage : carnet demo --clients N [--seed S] [--sites N]\nAjoute N clients d’exemple en une seule transaction : tous, ou aucun si l’opération est interrompue.\n\nOptions :\n",
		"Usage: carnet demo --clients N [--seed S] [--sites N]\nAdds N sample customers in one transaction: all of them, or none if it is interrupted.\n\nOptions:\n")
	n := f.Int("clients", 1000, env.m("combien de clients ajouter", "how many customers to add"))
	seed := f.Uint64("seed", 1, env.m("graine aléatoire : la même graine donne les mêmes clients", "random seed: the same seed gives the same customers"))
	sites := f.Int("sites", 1, env.m("combien de sites (1 : le site principal seul ; 3 : une boutique et un dépôt en plus, avec une part des clients)",
		"how many sites (1: the main site alone; 3: a shop and a warehouse more, with a share of the customers)"))
	if _, err := f.parse(args); err != nil {
		return err
	}
	if *n < 0 {
		return usageErr("--clients attend un nombre positif", "--clients must be positive")
	}
	svc, err := f.openToChange(ctx)
	if err != nil {
		return err
	}
	defer svc.Close()
	// Sample customers come in bulk, like an import.
	if err := svc.Require(ctx, domain.PermImport); err != nil {
		return err
	}
	start := time.Now()
	last := time.Now()
	err = demo.Generate(ctx, svc.Store, *n, *seed, func(done, total int) {
		if !*f.json && time.Since(last) > 2*time.Second {
			fmt.Fprintf(env.Stderr, "%d / %d\n", done, total)
			last = time.Now()
		}
	})
	if err != nil {
		return err
	}
	if *sites > 1 {
		if err := demo.SpreadOverSites(ctx, svc.Store, *sites); err != nil {
			return err
		}
	}
	elapsed := time.Since(start)
	if *f.json {
		return printJSON(env.Stdout, map[string]any{"db": svc.Store.Path, "clients": *n, "seconds": elapsed.Seconds()})
	}
	fmt.Fprintf(env.Stdout, env.m("%d clients ajoutés à %s (%.1f s)\n", "%d customers added to %s (%.1f s)\n"), *n, svc.Store.Path, elapsed.Seconds())
	return nil
}
