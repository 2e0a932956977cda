package fieldparse

import (
	"strconv"
	"time"
)

// DateOptions tells Date how the cell was stored.
type DateOptions struct {
	// AllowSerial accepts Excel serial numbers (45292, 45292.5). Set it only
	// for XLSX cells whose number format is a date format (built-in ids 14–22,
	// 45–47, or a custom format with d, m or y): anywhere else a number is
	// not a date ("4.5" must stay an error).
	AllowSerial bool
	// Date1904 selects the 1904 date system of old Mac workbooks
	// (<workbookPr date1904="1"/>): serial 0 is 1904-01-01.
	Date1904 bool
}

// Date parses a date, with an optional time of day, written the French way
// or in an unambiguous international form. The result is in UTC and holds
// the wall-clock values as written (a time zone suffix such as Z or +02:00
// is accepted and ignored: the file's local date is the one the user knows).
//
// Accepted:
//   - day first: dd/mm/yyyy, d/m/yyyy, dd/mm/yy, d/m/yy, also with '.' or '-'
//     (frappe's dd-mm-yyyy); never month first: 5/6/2012 is 5 June 2012;
//   - ISO and year first: yyyy-mm-dd, yyyy/mm/dd, yyyy.mm.dd, yyyymmdd (FEC);
//   - month names, French or English, full or abbreviated, with or without
//     accents and dot: 5 juin 2012, 1er janvier 2020, 14-mars-12, 05-janv.-12,
//     5 Jun 2012, June 5, 2012; a leading weekday name is skipped;
//   - a time after a space (or 'T'): hh:mm, hh:mm:ss, hh:mm:ss.fff, 15h30,
//     3:53 PM;
//   - Excel serial numbers only with opt.AllowSerial.
//
// Decisions:
//   - two-digit years pivot at 70 (POSIX %y): 00–69 → 2000–2069, 70–99 →
//     1970–1999, always with a Warning that spells the year out;
//   - a month above 12 with a day of 12 or less (12/31/2012) is an Error
//     that says the file looks American, never a silent swap;
//   - a date that does not exist (31/02/2020) is an Error;
//   - 0000-00-00 and 00/00/0000 (MySQL "zero dates" in shop exports) return
//     the zero time, like an empty cell, with a Warning;
//   - a bare number without AllowSerial is an Error (csvkit: "4.5" is not a
//     date), except 8 digits that form a valid yyyymmdd date.
//
// An empty cell returns the zero time and no problem: test with IsZero.
func Date(s string, opt DateOptions) (time.Time, *Problem) {
	cell := trimCell(s)
	t := stripTextMarker(cell)
	if t == "" {
		return time.Time{}, nil
	}
	if isSpreadsheetError(t) {
		return time.Time{}, spreadsheetErrorProblem(t)
	}
	if isZeroDate(t) {
		return time.Time{}, newWarning(CodeDateZero,
			qfr(cell)+" est une date nulle (comme en exportent les bases MySQL des boutiques) : la cellule est traitée comme vide.",
			qen(cell)+" is a null date (as shop databases on MySQL export them): the cell is treated as empty.")
	}
	if isPlainNumber(t) {
		if len(t) == 8 && isDigits(t) {
			d := dateParts{y: int(atoi(t[:4])), m: int(atoi(t[4:6])), d: int(atoi(t[6:])), yearDigits: 4, order: orderYMD}
			if d.m >= 1 && d.m <= 12 && d.d >= 1 && d.d <= daysIn(d.y, d.m) && d.y >= 1000 {
				return d.time(), nil
			}
		}
		if opt.AllowSerial {
			return serialDate(cell, t, opt.Date1904)
		}
		return time.Time{}, newError(CodeDateNumber,
			qfr(cell)+" est un nombre, pas une date. Si la colonne vient d’Excel, appliquez-lui le format Date (jj/mm/aaaa) avant d’exporter ; sinon saisissez la date au format jj/mm/aaaa, par exemple 31/12/2024.",
			qen(cell)+" is a number, not a date. If the column comes from Excel, give it the Date format (dd/mm/yyyy) before exporting; otherwise enter the date as dd/mm/yyyy, e.g. 31/12/2024.")
	}
	p := dateParser{s: t}
	d, perr := p.parse()
	switch perr {
	case parseTime:
		return time.Time{}, newError(CodeDateTime,
			"L’heure de "+qfr(cell)+" n’existe pas (heures de 0 à 23, minutes et secondes de 0 à 59). Corrigez-la ou supprimez-la.",
			"The time in "+qen(cell)+" does not exist (hours 0 to 23, minutes and seconds 0 to 59). Fix it or remove it.")
	case parseInvalid:
		return time.Time{}, dateInvalid(cell)
	}
	return d.validate(cell)
}

func dateInvalid(cell string) *Problem {
	return newError(CodeDateInvalid,
		qfr(cell)+" n’est pas une date reconnue. Saisissez-la au format jj/mm/aaaa (par exemple 31/12/2024) ou aaaa-mm-jj.",
		qen(cell)+" is not a recognised date. Enter it as dd/mm/yyyy (e.g. 31/12/2024) or yyyy-mm-dd.")
}

// Field orders of a parsed date.
const (
	orderDMY  = iota // 31/12/2024
	orderYMD         // 2024-12-31
	orderName        // 31 décembre 2024, December 31, 2024
)

type dateParts struct {
	y, m, d        int
	yearDigits     int
	order          int
	hh, mi, ss, ns int
}

func (d *dateParts) time() time.Time {
	return time.Date(d.y, time.Month(d.m), d.d, d.hh, d.mi, d.ss, d.ns, time.UTC)
}

// validate checks the calendar and applies the two-digit-year pivot.
func (d *dateParts) validate(cell string) (time.Time, *Problem) {
	var warn *Problem
	switch d.yearDigits {
	case 2:
		yy := d.y
		if yy < 70 {
			d.y += 2000
		} else {
			d.y += 1900
		}
		warn = newWarning(CodeDateTwoDigitYear,
			"L’année de "+qfr(cell)+" n’a que deux chiffres : lue comme "+strconv.Itoa(d.y)+" (00 à 69 : 2000 à 2069 ; 70 à 99 : 1970 à 1999). Si ce n’est pas la bonne année, saisissez-la sur quatre chiffres.",
			"The year in "+qen(cell)+" has only two digits: read as "+strconv.Itoa(d.y)+" (00–69: 2000–2069; 70–99: 1970–1999). If that is the wrong year, enter it with four digits.")
	case 4:
		if d.y < 1000 {
			return time.Time{}, newError(CodeDateYearRange,
				"L’année de "+qfr(cell)+" est hors limites (1000 à 9999). Vérifiez la date.",
				"The year in "+qen(cell)+" is out of range (1000 to 9999). Check the date.")
		}
	default:
		return time.Time{}, dateInvalid(cell)
	}
	if d.m < 1 || d.m > 12 {
		if d.order == orderDMY && d.m > 12 && d.m <= 31 && d.d >= 1 && d.d <= 12 {
			swapped := pad2(d.m) + "/" + pad2(d.d) + "/" + strconv.Itoa(d.y)
			return time.Time{}, newError(CodeDateUSOrder,
				qfr(cell)+" n’est pas une date jour/mois/année : il n’y a pas de "+strconv.Itoa(d.m)+"e mois. Le fichier semble au format américain (mois/jour/année), que Carnet ne devine jamais. Saisissez "+swapped+", ou réexportez le fichier avec des dates au format jj/mm/aaaa.",
				qen(cell)+" is not a day/month/year date: there is no month "+strconv.Itoa(d.m)+". The file looks American (month/day/year), which Carnet never guesses. Enter "+swapped+", or export the file again with dates as dd/mm/yyyy.")
		}
		return time.Time{}, dateInvalid(cell)
	}
	if d.d < 1 || d.d > 31 {
		return time.Time{}, dateInvalid(cell)
	}
	if n := daysIn(d.y, d.m); d.d > n {
		return time.Time{}, newError(CodeDateNoSuchDay,
			qfr(cell)+" n’existe pas : "+monthsFR[d.m-1]+" "+strconv.Itoa(d.y)+" n’a que "+strconv.Itoa(n)+" jours. Corrigez la date dans le tableur.",
			qen(cell)+" does not exist: "+monthsEN[d.m-1]+" "+strconv.Itoa(d.y)+" has only "+strconv.Itoa(n)+" days. Fix the date in the spreadsheet.")
	}
	return d.time(), warn
}

var monthsFR = [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
var monthsEN = [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// isPlainNumber reports whether t is an optionally signed number with at most
// one decimal separator: 45292, 45292.5, 4,5, -3.
func isPlainNumber(t string) bool {
	i := 0
	if t[0] == '-' || t[0] == '+' {
		i++
	}
	start := i
	for i < len(t) && isDigit(t[i]) {
		i++
	}
	if i == start {
		return false
	}
	if i < len(t) && (t[i] == '.' || t[i] == ',') {
		i++
		for i < len(t) && isDigit(t[i]) {
			i++
		}
	}
	return i == len(t)
}

// isZeroDate reports MySQL-style zero dates, with or without a time.
func isZeroDate(t string) bool {
	for _, z := range [...]string{"0000-00-00", "00/00/0000", "00.00.0000", "00-00-0000"} {
		if len(t) >= len(z) && t[:len(z)] == z {
			rest := t[len(z):]
			return rest == "" || rest[0] == ' ' || rest[0] == 'T'
		}
	}
	return false
}
