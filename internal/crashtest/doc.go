// Package crashtest holds only tests: they kill carnet's writing commands
// (import, undo, demo) with SIGKILL at random moments and check, after each
// kill, that the database is intact, that its search index agrees with the
// customers, and that the command was applied whole or not at all.
//
//	go test ./internal/crashtest                          # a few kills per command
//	CARNET_CRASH_KILLS=200 go test -v -timeout 60m ./internal/crashtest
//	CARNET_CRASH_SEED=N ...                               # draw the same moments again
//	CARNET_CRASH_BIN=$PWD/bin/carnet ...                  # kill that binary instead
//
// Without CARNET_CRASH_BIN the children are this test binary re-executed
// into carnet's command line (cli.Run, what cmd/carnet calls), which needs
// neither cgo nor the window's libraries.
package crashtest
