package importer

import (
	"context"
	"hash/maphash"
	"math"
)

// A big import into a small directory looks up every row's keys (code,
// e-mail, SIRET, VAT number) and finds nothing for almost all of them:
// the rows are new. A keyFilter — a Bloom filter of every key value the
// customers table may hold — answers "certainly absent" without asking
// SQLite, which took a tenth of the writer's time. It holds the values
// the table held when the filter was made and every value the import
// writes since; a value it may hold is asked of the database as before,
// so the answers are the same, only fewer questions are asked.

// filteredKeys are the key columns the filter knows; an internal ID is
// always asked.
var filteredKeys = []string{"code", "email", "siret", "vat_number"}

// keyFilterBits is the filter's size per value it is made for: with
// keyFilterHashes hashes, under 1 % of absent values read as present.
const (
	keyFilterBits   = 10
	keyFilterHashes = 7
)

type keyFilter struct {
	bits []uint64
	seed maphash.Seed
	h    maphash.Hash
}

// newKeyFilter returns a filter sized for n values.
func newKeyFilter(n int) *keyFilter {
	words := max(1, (n*keyFilterBits+63)/64)
	f := &keyFilter{bits: make([]uint64, words), seed: maphash.MakeSeed()}
	f.h.SetSeed(f.seed)
	return f
}

// positions returns the two hashes the filter's bits derive from.
func (f *keyFilter) positions(key, value string) (uint64, uint64) {
	f.h.Reset()
	f.h.WriteString(key)
	f.h.WriteByte(0)
	f.h.WriteString(value)
	h1 := f.h.Sum64()
	h2 := h1>>33 | h1<<31 | 1 // odd, so that the steps visit distinct bits
	return h1, h2
}

func (f *keyFilter) add(key, value string) {
	h1, h2 := f.positions(key, value)
	m := uint64(len(f.bits) * 64)
	for i := range uint64(keyFilterHashes) {
		b := (h1 + i*h2) % m
		f.bits[b/64] |= 1 << (b % 64)
	}
}

// mayHold is false when no customer holds value in column key.
func (f *keyFilter) mayHold(key, value string) bool {
	h1, h2 := f.positions(key, value)
	m := uint64(len(f.bits) * 64)
	for i := range uint64(keyFilterHashes) {
		b := (h1 + i*h2) % m
		if f.bits[b/64]&(1<<(b%64)) == 0 {
			return false
		}
	}
	return true
}

// filterKeys makes the lookup's key filter from the key values the
// customers table holds now, sized for rowsInFile more customers.
func (l *lookup) filterKeys(ctx context.Context, rowsInFile float64) error {
	n, err := l.tx.CustomerCount(ctx)
	if err != nil {
		return err
	}
	f := newKeyFilter(len(filteredKeys) * (n + int(math.Min(rowsInFile, 1e8))))
	err = l.tx.EachKeyValue(ctx, filteredKeys, func(key, value string) {
		f.add(key, value)
	})
	if err != nil {
		return err
	}
	l.keys = f
	return nil
}

// surelyAbsent is true when the filter knows no customer holds value in
// column key (false without a filter).
func (l *lookup) surelyAbsent(key, value string) bool {
	return l.keys != nil && !l.keys.mayHold(key, value)
}
