//go:build !race

package settingsui

// raceDetector is true when the tests run under the race detector.
const raceDetector = false
