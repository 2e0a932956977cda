package cli

import (
	"context"
	"fmt"

	"carnet/internal/domain"
	"carnet/internal/version"
)

func init() {
	register("version", domain.Message{FR: "la version de Carnet : carnet version, ou carnet --version",
		EN: "Carnet’s version: carnet version, or carnet --version"}, runVersion)
}

// versionFlags are the spellings of "carnet version" as an option.
var versionFlags = map[string]bool{"--version": true, "-version": true}

func runVersion(_ context.Context, env *Env, args []string) error {
	f := newFlags("version", env)
	f.help("Usage : carnet version (ou carnet --version)\nÉcrit la version de Carnet, par exemple « Carnet 0.3.0 ».\n\nOptions :\n",
		"Usage: carnet version (or carnet --version)\nPrints Carnet’s version, for example “Carnet 0.3.0”.\n\nOptions:\n")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usageErr("carnet version ne prend pas d’argument", "carnet version takes no argument")
	}
	if *f.json {
		return printJSON(env.Stdout, map[string]string{"name": "Carnet", "version": version.String()})
	}
	_, err = fmt.Fprintln(env.Stdout, "Carnet "+version.String())
	return err
}
