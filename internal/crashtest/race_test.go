//go:build race

package crashtest

// raceEnabled: this test binary was built with -race (see delegate).
const raceEnabled = true
