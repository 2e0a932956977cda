// Package fieldparse turns one spreadsheet cell (a string) into a typed
// value, French formats first. It is used on every cell of an import, so the
// common paths do not allocate.
//
// Every parser returns the value and, when something is wrong, a *Problem:
//   - Severity Error: the value is rejected, the returned value is the zero
//     value; the import's check step reports row, column, value and the fix;
//   - Severity Warning: the value is accepted (the returned value is the one
//     to store) but doubtful, and the message spells out the reading chosen.
//
// Messages are in French and English, quote the cell, say what is wrong and
// how to fix it. Codes (the Code* constants) are stable.
//
// Empty cells are never a problem: Money, Percent, Int and Bool return an
// empty flag, Date the zero time, the string parsers "". Whether a field may
// be empty is the caller's business.
//
// Functions:
//
//	Money(s)                 amount in euros → cents (int64), French grouping
//	Percent(s)               discount 0–100 → hundredths of a percent
//	Int(s)                   whole number
//	Date(s, DateOptions)     dd/mm/yyyy, d/m/yy, ISO, yyyymmdd, month names, Excel serials
//	Bool(s)                  Oui/Non, Yes/No, X, 1/0, Vrai/Faux, True/False, O/N, Y
//	Identifier(s)            codes, SIRET, phones, IBAN…: text, scientific notation rejected
//	FrenchPostcode(s, cc)    5 digits, lost leading zero restored with a warning
//	Email(s), EmailList(s)   one address per cell / a list
//	Text(s, maxLen)          free text: control characters, length, formulas, bidi controls
//	GroupList(s)             "Customer, Guest" → [Customer Guest], duplicates dropped
//	Fold(s)                  case-, accent- and space-insensitive comparison key
//
// The decisions taken on ambiguous input are documented on each function;
// the summary: a French file is read as French (decimal comma, day before
// month), a lone separator is always decimal, nothing is ever guessed
// silently — when Carnet picks a reading it says so in a Warning.
package fieldparse
