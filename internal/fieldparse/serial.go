package fieldparse

import (
	"strconv"
	"time"
)

// maxSerial is 9999-12-31 in the 1900 date system.
const maxSerial = 2958465

// serialDate converts an Excel serial number (t is a plain number).
//
// 1900 system (ECMA-376 Part 1 §18.17.4.1, Microsoft KB 214326): serial 1 is
// 1900-01-01 and serial 60 is the fictitious 1900-02-29 that Excel inherited
// from Lotus 1-2-3, so serials 1–59 count from 1899-12-31 and serials from 61
// on count from 1899-12-30. Serial 0 (shown as 00/01/1900) and 60 are Errors.
// 1904 system: serial 0 is 1904-01-01.
//
// The fraction is the time of day, rounded to the second.
func serialDate(cell, t string, date1904 bool) (time.Time, *Problem) {
	if t[0] == '-' {
		return time.Time{}, serialRange(cell)
	}
	if t[0] == '+' {
		t = t[1:]
	}
	ip, fp := t, ""
	for i := 0; i < len(t); i++ {
		if t[i] == '.' || t[i] == ',' {
			ip, fp = t[:i], t[i+1:]
			break
		}
	}
	if len(ip) > 7 {
		return time.Time{}, serialRange(cell)
	}
	days := int(atoi(ip))
	if days > maxSerial {
		return time.Time{}, serialRange(cell)
	}
	// Time of day: fraction × 86400 s, rounded; 9 digits are plenty.
	if len(fp) > 9 {
		fp = fp[:9]
	}
	secs := 0
	if fp != "" {
		den := int64(1)
		for range fp {
			den *= 10
		}
		secs = int((atoi(fp)*86400 + den/2) / den)
	}
	var y, m, d int
	switch {
	case date1904:
		y, m, d = 1904, 1, 1+days
	case days == 0:
		return time.Time{}, serialRange(cell)
	case days == 60:
		return time.Time{}, newError(CodeDateSerialRange,
			"Le numéro de série Excel "+qfr(cell)+" correspond au 29/02/1900, jour qui n’a jamais existé (héritage de Lotus 1-2-3 dans Excel). Saisissez la date réelle dans le tableur.",
			"Excel serial number "+qen(cell)+" is 1900-02-29, a day that never existed (a Lotus 1-2-3 legacy in Excel). Enter the real date in the spreadsheet.")
	case days < 60:
		y, m, d = 1899, 12, 31+days
	default:
		y, m, d = 1899, 12, 30+days
	}
	res := time.Date(y, time.Month(m), d, 0, 0, secs, 0, time.UTC)
	if res.Year() > 9999 {
		return time.Time{}, serialRange(cell)
	}
	return res, nil
}

func serialRange(cell string) *Problem {
	return newError(CodeDateSerialRange,
		"Le numéro de série Excel "+qfr(cell)+" ne correspond à aucune date (1 à "+strconv.Itoa(maxSerial)+", soit du 01/01/1900 au 31/12/9999). Vérifiez la cellule dans le tableur.",
		"Excel serial number "+qen(cell)+" is not a date (1 to "+strconv.Itoa(maxSerial)+", i.e. 1900-01-01 to 9999-12-31). Check the cell in the spreadsheet.")
}
