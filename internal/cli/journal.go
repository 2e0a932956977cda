package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"carnet/internal/domain"
	"carnet/internal/format"
)

func init() {
	register("journal", domain.Message{FR: "le journal d’activité, qui a fait quoi et quand : carnet journal [--json]",
		EN: "the activity journal, who did what and when: carnet journal [--json]"}, runJournal)
}

func runJournal(ctx context.Context, env *Env, args []string) error {
	f := newFlags("journal", env)
	f.help("Usage : carnet journal [options]\nLe journal d’activité, le plus récent d’abord : date, opérateur, action, sujet et détail.\n\nOptions :\n",
		"Usage: carnet journal [options]\nThe activity journal, newest first: date, operator, action, subject and detail.\n\nOptions:\n")
	limit := f.Int("limit", 50, env.m("au plus ce nombre de lignes", "at most this many entries"))
	offset := f.Int("offset", 0, env.m("sauter d’abord ce nombre de lignes", "skip this many entries first"))
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageErr("carnet journal ne prend pas d’argument (--limit N, --offset N)", "carnet journal takes no argument (--limit N, --offset N)")
	}
	if *limit < 1 || *offset < 0 {
		return usageErr("--limit attend un nombre positif, --offset un nombre positif ou nul", "--limit must be positive, --offset zero or more")
	}
	svc, err := openToRead(f)
	if err != nil {
		return err
	}
	defer svc.Close()
	entries, total, err := svc.Journal(ctx, *limit, *offset)
	if err != nil {
		return err
	}
	if *f.json {
		return printJSON(env.Stdout, map[string]any{"total": total, "entries": nonNil(entries)})
	}
	rows := [][]string{strings.Split(env.m("Date\tOpérateur\tAction\tSujet\tDétail", "Date\tOperator\tAction\tSubject\tDetail"), "\t")}
	for _, e := range entries {
		rows = append(rows, []string{format.DateTime(e.At, env.Lang), orDash(e.Operator),
			domain.JournalActionLabel(e.Action).In(env.Lang), e.Subject, e.Detail})
	}
	printTable(env.Stdout, rows)
	fmt.Fprintf(env.Stdout, env.m("%d sur %s lignes\n", "%d of %s entries\n"), len(entries), format.Count(total, env.Lang))
	return nil
}

// printTable prints rows in aligned columns, without the spaces a short
// last cell would leave at the end of its line.
func printTable(w io.Writer, rows [][]string) {
	var b bytes.Buffer
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	tw.Flush()
	for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		fmt.Fprintln(w, strings.TrimRight(line, " "))
	}
}
