package fieldparse

// Problem codes. They are stable identifiers: the import journal and the
// "Erreur" column of rejected rows may store them.
const (
	// Any parser.
	CodeSpreadsheetError = "cell.spreadsheet_error" // #N/A, #VALEUR!, ######…

	// Money.
	CodeMoneyInvalid        = "money.invalid"
	CodeMoneyScientific     = "money.scientific"
	CodeMoneyCurrency       = "money.currency"        // not euros
	CodeMoneyPercent        = "money.percent"         // a % in an amount
	CodeMoneyTooLarge       = "money.too_large"       // 15 integer digits at most
	CodeMoneyGrouping       = "money.grouping"        // "12 34", "1 234.567,8"
	CodeMoneyThousandsDot   = "money.thousands_dot"   // warning: 1.234,56
	CodeMoneyThousandsComma = "money.thousands_comma" // warning: 1,234.56
	CodeMoneyAmbiguous      = "money.ambiguous"       // warning: 1,234 or 1.234
	CodeMoneyRounded        = "money.rounded"         // warning: 12,345
	CodeMoneyDashZero       = "money.dash_zero"       // warning: "-" read as 0

	// Percent.
	CodePercentInvalid  = "percent.invalid"
	CodePercentRange    = "percent.range"    // > 100
	CodePercentNegative = "percent.negative" // < 0
	CodePercentFraction = "percent.fraction" // warning: 0,15 without %
	CodePercentRounded  = "percent.rounded"  // warning: 12,345 %

	// Int.
	CodeIntInvalid    = "int.invalid"
	CodeIntNotInteger = "int.not_integer"
	CodeIntTooLarge   = "int.too_large"

	// Decimal (custom number fields).
	CodeDecimalInvalid = "decimal.invalid"
	CodeDecimalRounded = "decimal.rounded" // warning: more than six decimals

	// Date.
	CodeDateInvalid      = "date.invalid"
	CodeDateUSOrder      = "date.us_order"       // 12/31/2012
	CodeDateNoSuchDay    = "date.no_such_day"    // 31/02/2020
	CodeDateNumber       = "date.number"         // a number where a date is expected
	CodeDateSerialRange  = "date.serial_range"   // serial 0, 60 (1900-02-29), too large
	CodeDateYearRange    = "date.year_range"     // year outside 1000–9999
	CodeDateTime         = "date.time_invalid"   // 25:70
	CodeDateTwoDigitYear = "date.two_digit_year" // warning: 01/01/00
	CodeDateZero         = "date.zero"           // warning: 0000-00-00, read as empty

	// Bool.
	CodeBoolInvalid = "bool.invalid"

	// Identifier.
	CodeIDScientific      = "id.scientific"       // 4,04833E+13
	CodeIDMaybeScientific = "id.maybe_scientific" // warning: 12E45
	CodeIDFloatArtefact   = "id.float_artefact"   // warning: 75001.0
	CodeIDControlChar     = "id.control_char"

	// FrenchPostcode.
	CodePostcodeLostZero = "postcode.lost_zero" // warning: 1000 → 01000
	CodePostcodeFormat   = "postcode.format"    // warning: not 5 digits
	CodePostcodeCorsica  = "postcode.corsica"   // warning: 2A004

	// Email.
	CodeEmailInvalid     = "email.invalid"
	CodeEmailMultiple    = "email.multiple"
	CodeEmailQuoted      = "email.quoted"       // warning: "jean dupont"@x.fr
	CodeEmailIPLiteral   = "email.ip_literal"   // warning: a@[1.2.3.4]
	CodeEmailComment     = "email.comment"      // warning: comments, folded lines, inner spaces
	CodeEmailObsolete    = "email.obsolete"     // warning: obsolete RFC 5322 syntax
	CodeEmailDomain      = "email.domain"       // warning: no dot, numeric TLD, odd characters
	CodeEmailTooLong     = "email.too_long"     // warning: beyond SMTP limits
	CodeEmailNonASCII    = "email.non_ascii"    // warning: accented characters
	CodeEmailDisplayName = "email.display_name" // warning: "Jean <j@x.fr>" → j@x.fr

	// Text.
	CodeTextControlChar = "text.control_char"
	CodeTextEncoding    = "text.encoding" // invalid UTF-8
	CodeTextTooLong     = "text.too_long"
	CodeTextReplacement = "text.replacement_char" // warning: U+FFFD
	CodeTextFormula     = "text.formula"          // warning: "=…", or "+", "-", "@" and a formula
	CodeTextBidi        = "text.bidi_control"     // warning: bidirectional controls removed
)
