package cli

import (
	"context"
	"fmt"
	"time"

	"carnet/internal/demo"
)

func init() {
	register("demo", "fill a database with realistic French sample customers: carnet demo --clients N", runDemo)
}

func runDemo(ctx context.Context, env *Env, args []string) error {
	f := newFlags("demo", env)
	n := f.Int("clients", 1000, "how many customers to add")
	seed := f.Uint64("seed", 1, "random seed: the same seed gives the same customers")
	if _, err := f.parse(args); err != nil {
		return err
	}
	if *n < 0 {
		return usageError{"--clients must be positive"}
	}
	svc, err := f.open()
	if err != nil {
		return err
	}
	defer svc.Close()
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
	elapsed := time.Since(start)
	if *f.json {
		return printJSON(env.Stdout, map[string]any{"db": svc.Store.Path, "clients": *n, "seconds": elapsed.Seconds()})
	}
	fmt.Fprintf(env.Stdout, "%d clients → %s (%.1f s)\n", *n, svc.Store.Path, elapsed.Seconds())
	return nil
}
