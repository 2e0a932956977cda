package shopsync

// Shop presets: each shop's own export read into WebCustomers without a
// mapping step. A preset knows its shop's kinds of file (customers,
// addresses, orders, composite) by their columns; the files of one sync
// may come in any order, and each is told apart by its header row. The
// files are read whole (shop exports are thousands of rows), then joined
// by the shop's rule in presets_<shop>.go.

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"carnet/internal/domain"
	"carnet/internal/sheet"
	"carnet/internal/textfold"
)

// fileRole is what a file holds; files are joined in this order, so that
// the customers are known before their addresses and orders, whatever
// order the user gave the files in.
type fileRole int

const (
	roleCustomers fileRole = iota
	roleComposite          // customers and their addresses in one file
	roleAddresses
	roleOrders
)

// fileKind is one kind of file a shop exports.
type fileKind struct {
	role fileRole
	name domain.Message // "fichier clients", for messages
	// columns maps each field the preset reads to the header spellings
	// that name it, most usual first (compared by headerKey).
	columns map[string][]string
	// required are the fields whose columns tell this kind of file: all
	// must be present.
	required []string
}

// table is one file read whole under its kind.
type table struct {
	kind  *fileKind
	file  string         // base name, for WebCustomer.Line and messages
	col   map[string]int // field → column index
	names []string       // the header as the file writes it
	rows  []sheet.Row
	quote bool // Shopify: strip the leading ' that protects a cell
}

// has reports whether the file has a column for field.
func (t *table) has(field string) bool {
	_, ok := t.col[field]
	return ok
}

// get returns the cell of field in r ("" when the file has no such
// column).
func (t *table) get(r sheet.Row, field string) string {
	i, ok := t.col[field]
	if !ok || i >= len(r.Cells) {
		return ""
	}
	v := r.Cells[i]
	if t.quote {
		v = strings.TrimSpace(strings.TrimPrefix(v, "'"))
	}
	return v
}

// line is the "file, ligne N" of a row, as WebCustomer.Line says it.
func (t *table) line(r sheet.Row) string {
	return t.file + ", ligne " + strconv.Itoa(r.Line)
}

// header names a field's column as the file writes it, for messages.
func (t *table) header(field string) string {
	if i, ok := t.col[field]; ok && i < len(t.names) {
		return t.names[i]
	}
	return field
}

// presetReader joins a shop's tables, sorted by role, into web customers.
type presetReader func(tables []*table) ([]WebCustomer, error)

// preset is what readShop needs to know of a shop.
type preset struct {
	label string // the shop's name in messages
	kinds []*fileKind
	read  presetReader
	quote bool
}

func presetOf(shop Shop) (preset, bool) {
	switch shop {
	case ShopPrestaShop:
		return preset{"PrestaShop", prestashopKinds, readPrestaShop, false}, true
	case ShopWooCommerce:
		return preset{"WooCommerce", woocommerceKinds, readWooCommerce, false}, true
	case ShopShopify:
		return preset{"Shopify", shopifyKinds, readShopify, true}, true
	case ShopMagento:
		return preset{"Magento 2", magentoKinds, readMagento, false}, true
	}
	return preset{}, false
}

// readShop reads the export files of shop into web customers, in the order
// of the files' roles (customers, then those only known from addresses or
// orders). A file that is not one of the shop's exports is an error that
// names the columns expected and points to the generic preset.
func readShop(ctx context.Context, shop Shop, files []string) ([]WebCustomer, error) {
	p, ok := presetOf(shop)
	if !ok {
		return nil, &domain.Error{Code: "shop_no_preset", Message: domain.Message{
			FR: "Cette boutique n’a pas de modèle de lecture : passez par l’assistant d’importation (modèle générique) pour associer les colonnes.",
			EN: "This shop has no preset: use the import wizard (generic preset) to map the columns."}}
	}
	if len(files) == 0 {
		return nil, &domain.Error{Code: "shop_no_file", Message: domain.Message{
			FR: "Choisissez le fichier exporté par la boutique.", EN: "Choose the file the shop exported."}}
	}
	tables := make([]*table, 0, len(files))
	for _, path := range files {
		t, err := readTable(ctx, p, shop, path)
		if err != nil {
			return nil, err
		}
		tables = append(tables, t)
	}
	sort.SliceStable(tables, func(i, j int) bool { return tables[i].kind.role < tables[j].kind.role })
	return p.read(tables)
}

// readTable opens path, tells its kind from its header and reads its rows.
func readTable(ctx context.Context, p preset, shop Shop, path string) (*table, error) {
	r, err := sheet.OpenContext(ctx, path, sheet.Options{})
	if err != nil {
		return nil, err
	}
	defer r.Close()
	header := r.Header()
	keys := make([]string, len(header))
	for i, h := range header {
		keys[i] = headerKey(h)
	}
	var t *table
	if k, col := bestKind(p.kinds, keys); k != nil {
		t = &table{kind: k, file: filepath.Base(path), col: col, names: header, quote: p.quote}
	}
	if t == nil {
		return nil, unrecognisedFile(p, shop, filepath.Base(path), header)
	}
	for {
		row, err := r.Next()
		if errors.Is(err, io.EOF) {
			return t, nil
		}
		if err != nil {
			return nil, err
		}
		t.rows = append(t.rows, row)
	}
}

// matchKind maps the fields of k to the columns of a header (first column
// of each spelling wins), and says whether every required field is there.
func matchKind(k *fileKind, keys []string) (map[string]int, bool) {
	col := make(map[string]int, len(k.columns))
	for field, names := range k.columns {
	search:
		for _, name := range names {
			want := headerKey(name)
			for i, key := range keys {
				if key == want {
					col[field] = i
					break search
				}
			}
		}
	}
	for _, f := range k.required {
		if _, ok := col[f]; !ok {
			return nil, false
		}
	}
	return col, true
}

// headerKey folds a column name for comparison, dropping what PrestaShop
// adds to its labels: the "*" of a required column and the hints in
// parentheses ("Titles ID (Mr = 1, Ms = 2, else 0)" → "titles id").
func headerKey(h string) string {
	var b strings.Builder
	depth := 0
	for _, r := range h {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth > 0, r == '*':
		default:
			b.WriteRune(r)
		}
	}
	return textfold.Fold(b.String())
}

// unrecognisedFile says which columns the shop's files have, and what to
// do: choose the right shop, or go through the import wizard.
func unrecognisedFile(p preset, shop Shop, file string, header []string) error {
	var fr, en []string
	for _, k := range p.kinds {
		cols := make([]string, len(k.required))
		for i, f := range k.required {
			cols[i] = k.columns[f][0]
		}
		fr = append(fr, k.name.FR+" : "+strings.Join(cols, ", "))
		en = append(en, k.name.EN+": "+strings.Join(cols, ", "))
	}
	msg := domain.Message{
		FR: "« " + file + " » n’est pas un export " + p.label + " reconnu. Colonnes attendues — " + strings.Join(fr, " ; ") + ".",
		EN: "\"" + file + "\" is not a recognised " + p.label + " export. Expected columns — " + strings.Join(en, "; ") + ".",
	}
	if other := detectShop(header); other != "" && other != shop {
		o, _ := presetOf(other)
		msg.FR += " Il ressemble à un export " + o.label + " : choisissez cette boutique."
		msg.EN += " It looks like a " + o.label + " export: choose that shop."
	}
	msg.FR += " Pour tout autre fichier (boutique « générique »), importez-le par l’onglet Importer : son assistant vous fera associer ses colonnes."
	msg.EN += " For any other file (\"generic\" shop), import it from the Import tab: its wizard will have you map its columns."
	return &domain.Error{Code: "shop_file_unrecognised", Message: msg}
}

// bestKind is the kind of kinds whose required columns are all in the
// header and that reads the most of its columns (the first on a tie), nil
// when none fits.
func bestKind(kinds []*fileKind, keys []string) (*fileKind, map[string]int) {
	var (
		best    *fileKind
		bestCol map[string]int
	)
	for _, k := range kinds {
		if col, ok := matchKind(k, keys); ok && len(col) > len(bestCol) {
			best, bestCol = k, col
		}
	}
	return best, bestCol
}

// detectShop guesses the shop whose export has this header row: the shop
// with a kind of file that fits it and reads the most of its columns (a
// Magento customer file also fits PrestaShop's technical customer
// columns, email, password, lastname, firstname, but Magento reads
// more); "" when no shop fits, or two fit equally.
func detectShop(headers []string) Shop {
	keys := make([]string, len(headers))
	for i, h := range headers {
		keys[i] = headerKey(h)
	}
	var (
		found Shop
		most  int
		tie   bool
	)
	for _, shop := range []Shop{ShopPrestaShop, ShopWooCommerce, ShopShopify, ShopMagento} {
		p, _ := presetOf(shop)
		k, col := bestKind(p.kinds, keys)
		switch {
		case k == nil:
		case len(col) > most:
			found, most, tie = shop, len(col), false
		case len(col) == most:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return found
}
