//go:build race

package gui

// raceDetector is true when the tests run under the race detector.
const raceDetector = true
