package store

import "time"

// FormatTime is how instants are stored (ISO-8601 UTC, sortable as text),
// for the packages that own tables of their own (the import journal).
func FormatTime(t time.Time) string { return formatTime(t) }

// ParseTime reads an instant written by FormatTime.
func ParseTime(s string) time.Time { return parseTime(s) }
