package fieldparse

import (
	"unicode"
	"unicode/utf8"
)

// This file is a full RFC 5322 / RFC 5321 reader for the unusual addresses
// that the fast path of Email does not take: quoted local parts, comments,
// folding white space, domain literals, obsolete syntax. It follows the
// grammar that Dominic Sayers' is_email() checks (validation/isemail in the
// corpus), reduced to what an importer needs: reject, warn (with a reason),
// or accept; and it rebuilds the address without comments and folding.

// emailIssue flags what makes an accepted address unusual.
type emailIssue uint16

const (
	eiQuoted       emailIssue = 1 << iota // "jean dupont"@x.fr
	eiComment                             // (comment)
	eiFWS                                 // white space or folded line inside the address
	eiObsolete                            // control characters in quotes/comments, multiple folds
	eiLiteral                             // domain literal: [192.0.2.1], [IPv6:…]
	eiOddDomain                           // domain characters other than letters, digits, hyphen
	eiSingleLabel                         // no dot in the domain
	eiNumericTLD                          // last label starts with a digit
	eiLocalTooLong                        // local part > 64
	eiLabelTooLong                        // domain label > 63
	eiTooLong                             // address > 254, or domain > 255
	eiNonASCII                            // accented letters (RFC 6531/6532)
)

// emailErr is why an address is rejected.
type emailErr uint8

const (
	eeNone emailErr = iota
	eeNoAt
	eeNoLocal
	eeNoDomain
	eeDot
	eeHyphen
	eeBadChar // p.bad holds the character
	eeSpaceInside
	eeUnclosedQuote
	eeUnclosedComment
	eeUnclosedLiteral
	eeLineBreak
	eeBackslashEnd
)

type emailParser struct {
	s      string
	i      int
	out    []byte // the address rebuilt without comments and folding
	issues emailIssue
	err    emailErr
	bad    rune
}

// classifyEmail reads s (edges already trimmed) as an RFC 5322 addr-spec.
func classifyEmail(s string) (canon string, issues emailIssue, err emailErr, bad rune) {
	p := emailParser{s: s, out: make([]byte, 0, len(s))}
	if p.local() && p.domain() {
		p.lengths()
		return string(p.out), p.issues, eeNone, 0
	}
	return "", p.issues, p.err, p.bad
}

func (p *emailParser) fail(e emailErr) bool {
	p.err = e
	return false
}

func (p *emailParser) failChar(r rune) bool {
	p.err, p.bad = eeBadChar, r
	return false
}

// Element kinds inside the local part or the domain.
const (
	elemNone = iota
	elemAtom
	elemQuoted
	elemLiteral
)

// local reads the local part and the '@'.
func (p *emailParser) local() bool {
	elem, cfwsAfter, elems := elemNone, false, 0
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '(':
			if !p.comment() {
				return false
			}
			cfwsAfter = elem != elemNone
		case c == ' ' || c == '\t' || c == '\r':
			if !p.fws() {
				return false
			}
			cfwsAfter = elem != elemNone
		case c == '"':
			if elem != elemNone {
				return p.failChar('"')
			}
			if !p.quoted() {
				return false
			}
			elem = elemQuoted
		case c == '.':
			if elem == elemNone {
				return p.fail(eeDot)
			}
			p.out = append(p.out, '.')
			p.i++
			elem, cfwsAfter = elemNone, false
			elems++
		case c == '@':
			if elem == elemNone {
				if elems == 0 {
					return p.fail(eeNoLocal)
				}
				return p.fail(eeDot)
			}
			if len(p.out) > 64 {
				p.issues |= eiLocalTooLong
			}
			p.out = append(p.out, '@')
			p.i++
			return true
		case c == '\n':
			return p.fail(eeLineBreak)
		default:
			r, size := utf8.DecodeRuneInString(p.s[p.i:])
			if !isAtext(r, size) {
				return p.failChar(r)
			}
			if elem == elemQuoted {
				return p.failChar(r)
			}
			if cfwsAfter {
				return p.fail(eeSpaceInside)
			}
			if r >= utf8.RuneSelf {
				p.issues |= eiNonASCII
			}
			p.out = append(p.out, p.s[p.i:p.i+size]...)
			p.i += size
			elem = elemAtom
		}
	}
	return p.fail(eeNoAt)
}

// domain reads the domain up to the end of s.
func (p *emailParser) domain() bool {
	elem, cfwsAfter, labels := elemNone, false, 0
	start := len(p.out) // of the current label
	domainStart := start
	endLabel := func() bool {
		label := p.out[start:]
		if label[0] == '-' || label[len(label)-1] == '-' {
			return p.fail(eeHyphen)
		}
		if len(label) > 63 {
			p.issues |= eiLabelTooLong
		}
		labels++
		return true
	}
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '(':
			if !p.comment() {
				return false
			}
			cfwsAfter = elem != elemNone
		case c == ' ' || c == '\t' || c == '\r':
			if !p.fws() {
				return false
			}
			cfwsAfter = elem != elemNone
		case c == '[':
			if elem != elemNone || labels > 0 {
				return p.failChar('[')
			}
			if !p.literal() {
				return false
			}
			elem = elemLiteral
		case c == '.':
			if elem == elemNone {
				return p.fail(eeDot)
			}
			if elem == elemLiteral {
				return p.failChar('.')
			}
			if !endLabel() {
				return false
			}
			p.out = append(p.out, '.')
			p.i++
			start = len(p.out)
			elem, cfwsAfter = elemNone, false
		case c == '\n':
			return p.fail(eeLineBreak)
		default:
			r, size := utf8.DecodeRuneInString(p.s[p.i:])
			if !isAtext(r, size) || elem == elemLiteral {
				return p.failChar(r)
			}
			if cfwsAfter {
				return p.fail(eeSpaceInside)
			}
			switch {
			case r >= utf8.RuneSelf:
				p.issues |= eiNonASCII
			case !(isLetter(c) || isDigit(c) || c == '-'):
				p.issues |= eiOddDomain
			}
			p.out = append(p.out, p.s[p.i:p.i+size]...)
			p.i += size
			elem = elemAtom
		}
	}
	switch elem {
	case elemNone:
		if labels == 0 {
			return p.fail(eeNoDomain)
		}
		return p.fail(eeDot)
	case elemAtom:
		tld := p.out[start:]
		if !endLabel() {
			return false
		}
		if isDigit(tld[0]) {
			p.issues |= eiNumericTLD
		}
		if labels == 1 {
			p.issues |= eiSingleLabel
		}
	}
	if len(p.out)-domainStart > 255 {
		p.issues |= eiTooLong
	}
	return true
}

func (p *emailParser) lengths() {
	if len(p.out) > 254 {
		p.issues |= eiTooLong
	}
}

// isAtext reports whether r may appear unquoted in an atom: RFC 5322 atext,
// or a letter, digit or mark beyond ASCII (RFC 6532). size 1 with
// RuneError is an invalid UTF-8 byte.
func isAtext(r rune, size int) bool {
	if r < utf8.RuneSelf {
		c := byte(r)
		if isLetter(c) || isDigit(c) {
			return true
		}
		switch c {
		case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '/', '=', '?', '^', '_', '`', '{', '|', '}', '~':
			return true
		}
		return false
	}
	if r == utf8.RuneError && size == 1 {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r)
}

// isObsCtl reports obs-NO-WS-CTL: control characters tolerated, as obsolete
// syntax, inside quoted strings, comments and domain literals.
func isObsCtl(c byte) bool {
	return (c >= 1 && c <= 8) || c == 11 || c == 12 || (c >= 14 && c <= 31) || c == 127
}

// fws reads folding white space: spaces and tabs, and CR LF only when
// followed by a space or tab. A fold that is not followed by white space, a
// lone CR or LF, and two CR LF in a row are errors.
func (p *emailParser) fws() bool {
	folds := 0
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c == ' ' || c == '\t' {
			p.i++
			continue
		}
		if c != '\r' {
			break
		}
		if !p.fold() {
			return false
		}
		folds++
	}
	if folds > 1 {
		p.issues |= eiObsolete
	}
	p.issues |= eiFWS
	return true
}

// fold reads CR LF WSP at p.i (a CR).
func (p *emailParser) fold() bool {
	if p.i+1 >= len(p.s) || p.s[p.i+1] != '\n' {
		return p.fail(eeLineBreak)
	}
	p.i += 2
	if p.i >= len(p.s) || (p.s[p.i] != ' ' && p.s[p.i] != '\t') {
		return p.fail(eeLineBreak)
	}
	return true
}

// quotedPair reads "\x" at p.i and returns its bytes; obsolete pairs (of
// controls, CR, LF, NUL) are flagged, a backslash before a non-ASCII
// character is an error.
func (p *emailParser) quotedPair() (string, bool) {
	if p.i+1 >= len(p.s) {
		return "", p.fail(eeBackslashEnd)
	}
	c := p.s[p.i+1]
	if c >= utf8.RuneSelf {
		r, _ := utf8.DecodeRuneInString(p.s[p.i+1:])
		return "", p.failChar(r)
	}
	if c < 0x20 && c != '\t' || c == 0x7f {
		p.issues |= eiObsolete
	}
	pair := p.s[p.i : p.i+2]
	p.i += 2
	return pair, true
}

// quoted reads a quoted string at p.i (a '"') and copies it to out.
func (p *emailParser) quoted() bool {
	p.issues |= eiQuoted
	p.out = append(p.out, '"')
	p.i++
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			p.out = append(p.out, '"')
			p.i++
			return true
		case c == '\\':
			pair, ok := p.quotedPair()
			if !ok {
				return false
			}
			p.out = append(p.out, pair...)
		case c == '\r':
			if !p.fold() {
				return false
			}
			p.issues |= eiFWS
		case c == '\n':
			return p.fail(eeLineBreak)
		case c == 0:
			return p.failChar(0)
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(p.s[p.i:])
			if r == utf8.RuneError && size == 1 {
				return p.failChar(r)
			}
			p.issues |= eiNonASCII
			p.out = append(p.out, p.s[p.i:p.i+size]...)
			p.i += size
		default:
			if isObsCtl(c) {
				p.issues |= eiObsolete
			}
			p.out = append(p.out, c)
			p.i++
		}
	}
	return p.fail(eeUnclosedQuote)
}

// comment skips a comment at p.i (a '('), nested comments included.
func (p *emailParser) comment() bool {
	p.issues |= eiComment
	depth := 0
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '(':
			depth++
			p.i++
		case c == ')':
			depth--
			p.i++
			if depth == 0 {
				return true
			}
		case c == '\\':
			if _, ok := p.quotedPair(); !ok {
				return false
			}
		case c == '\r':
			if !p.fold() {
				return false
			}
		case c == '\n':
			return p.fail(eeLineBreak)
		case c == 0:
			return p.failChar(0)
		default:
			if isObsCtl(c) {
				p.issues |= eiObsolete
			}
			p.i++
		}
	}
	return p.fail(eeUnclosedComment)
}

// literal reads a domain literal at p.i (a '[') and copies it to out.
func (p *emailParser) literal() bool {
	p.issues |= eiLiteral
	p.out = append(p.out, '[')
	p.i++
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == ']':
			p.out = append(p.out, ']')
			p.i++
			return true
		case c == '[':
			return p.failChar('[')
		case c == '\\':
			pair, ok := p.quotedPair()
			if !ok {
				return false
			}
			p.issues |= eiObsolete
			p.out = append(p.out, pair...)
		case c == '\r':
			if !p.fold() {
				return false
			}
		case c == '\n':
			return p.fail(eeLineBreak)
		case c == 0 || c >= utf8.RuneSelf:
			r, _ := utf8.DecodeRuneInString(p.s[p.i:])
			return p.failChar(r)
		default:
			if isObsCtl(c) {
				p.issues |= eiObsolete
			}
			p.out = append(p.out, c)
			p.i++
		}
	}
	return p.fail(eeUnclosedLiteral)
}
