package sheet

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Date cells are not formatted by Excel's date formatting rules (through
// excelize they cost over 100 µs a cell): their styles get a cheap numeric
// format that prints the serial behind a private-use marker saying which
// kind of date it is, and this file turns that into ISO text.

// Markers (Unicode private use area: never in real data) and the numeric
// formats that print them: nine decimals of a day is a tenth of a
// millisecond, plenty to round to the second.
const (
	markDate     = "\uE000"
	markDateTime = "\uE001"
	markTime     = "\uE002"
	markDuration = "\uE003"
	serialDigits = `0.000000000`
	maxSerial    = 2958465 // 9999-12-31
)

// dateMarkerFormat returns the number format that prints serials of the
// given ISO kind behind their marker.
func dateMarkerFormat(iso string) string {
	mark := map[string]string{isoDate: markDate, isoDateTime: markDateTime, isoTime: markTime, isoDuration: markDuration}[iso]
	return `"` + mark + `"` + serialDigits
}

// hasDateMarker is a cheap test done on every cell.
func hasDateMarker(s string) bool {
	return len(s) >= 3 && (s[0] == 0xEE || (s[0] == '-' && len(s) >= 4 && s[1] == 0xEE))
}

// decodeDateMarker turns "\uE000" + serial into ISO text. A serial that
// cannot be a date (negative, past 9999) is given back as a plain number.
func decodeDateMarker(s string, date1904 bool) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if len(s) < 3 {
		return s
	}
	mark, num := s[:3], s[3:]
	v, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return s
	}
	if neg {
		v = -v
	}
	switch mark {
	case markDuration:
		return formatDuration(v)
	case markTime:
		if v >= 0 && v < 1 {
			return clock(secondsOfDay(v))
		}
	case markDate, markDateTime:
		if v >= 0 && v <= maxSerial {
			day, secs := serialDay(v, date1904)
			if mark == markDate {
				return day
			}
			return day + " " + clock(secs)
		}
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

var (
	epoch1900 = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	epoch1904 = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
)

// serialDay returns the calendar day of a serial (yyyy-mm-dd) and the
// seconds into it, rounded to the second. In the 1900 system Excel counts
// a 29 February 1900 that never existed (serial 60): serials before it are
// one day later than the arithmetic says.
func serialDay(v float64, date1904 bool) (string, int) {
	total := int64(math.Round(v * 86400))
	days, secs := total/86400, int(total%86400)
	if date1904 {
		return epoch1904.AddDate(0, 0, int(days)).Format("2006-01-02"), secs
	}
	switch {
	case days == 60:
		return "1900-02-29", secs // Excel's phantom day, kept as Excel shows it
	case days < 60:
		days++
	}
	return epoch1900.AddDate(0, 0, int(days)).Format("2006-01-02"), secs
}

func secondsOfDay(v float64) int {
	return int(math.Round(v*86400)) % 86400
}

func clock(secs int) string {
	return fmt.Sprintf("%02d:%02d:%02d", secs/3600, secs/60%60, secs%60)
}

func formatDuration(v float64) string {
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	total := int64(math.Round(v * 86400))
	return fmt.Sprintf("%s%d:%02d:%02d", sign, total/3600, total/60%60, total%60)
}

// timeSerial is the serial number of a moment, by excelize's rules: 0
// before the epoch, and in the 1900 system a day more from March 1900 on
// (Excel's phantom 29 February). time.Duration holds 292 years at most,
// so longer spans are counted in steps.
func timeSerial(t time.Time, date1904 bool) float64 {
	epoch := time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)
	if date1904 {
		epoch = epoch1904
	}
	if t.Before(epoch) {
		return 0
	}
	const day = 24 * time.Hour
	const step = 290 * 364 * day
	serial, tt, diff := 0.0, t, t.Sub(epoch)
	for diff >= step {
		serial += float64(step / day)
		tt = tt.Add(-step)
		diff = tt.Sub(epoch)
	}
	rem := diff % day
	serial += float64(diff-rem)/float64(day) + float64(rem)/float64(day)
	if !date1904 && !t.Before(time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC)) {
		serial++
	}
	return serial
}
