package shopsync

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"carnet/internal/domain"
	"carnet/internal/importer"
	"carnet/internal/store"
)

// ErrGeneric sends a generic shop's file to the import wizard.
var ErrGeneric = &domain.Error{Code: "sync.generic", Message: domain.Message{
	FR: "Boutique générique : importez ce fichier par l’onglet Import, dont l’assistant fait correspondre ses colonnes.",
	EN: "Generic shop: import this file from the Import tab, whose wizard maps its columns."}}

// planned is one web customer on its way through a sync.
type planned struct {
	web  WebCustomer
	code string // the code its row carries ("" when refused before)
	line int    // its row in the file handed to the import (0: none)
	row  Row
}

func (s *Syncer) execute(ctx context.Context, req Request, commit bool) (*Plan, error) {
	set := req.Settings
	set.Shop = req.Shop
	if err := set.check(); err != nil {
		return nil, err
	}
	if req.Shop == ShopGeneric {
		return nil, ErrGeneric
	}
	if err := s.svc.Require(ctx, domain.PermSync); err != nil {
		return nil, err
	}
	webs, err := readShop(ctx, req.Shop, req.Files)
	if err != nil {
		return nil, err
	}
	plan := &Plan{Shop: req.Shop, Files: req.Files, Rows: []Row{}}
	items := make([]*planned, len(webs))
	for i, w := range webs {
		notes := checkPhones(&w)
		items[i] = &planned{web: w, row: Row{Line: w.Line, ShopID: w.ShopID, Email: w.Email, Name: set.nameText(displayName(w)), Notes: notes}}
	}

	dir, err := os.MkdirTemp("", "carnet-sync-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "synchronisation.csv")
	if err := s.writeRows(ctx, path, set, items); err != nil {
		return nil, err
	}

	byLine := map[int]*planned{}
	for _, it := range items {
		if it.line > 0 {
			byLine[it.line] = it
		}
	}
	key := importer.KeyCode
	if set.EmailFirst {
		key = importer.KeyEmail
	}
	options := importer.DefaultOptions()
	options.Key = key
	options.Protected = set.protected(options.Protected)
	options.CreateSources = false
	mapping := importer.Mapping(rowFields)
	names := make([]string, len(req.Files))
	for i, f := range req.Files {
		names[i] = filepath.Base(f)
	}
	ireq := importer.Request{Path: path, Mapping: mapping, Options: options, Lang: "fr",
		Profile:     syncProfile + shopLabel(req.Shop),
		JournalName: strings.Join(names, " + "),
		SampleRows:  1, SampleProblems: 1,
		OnRow: func(rp importer.RowPlan) error {
			if it := byLine[rp.Line]; it != nil {
				it.row.fromImport(rp, set)
			}
			return nil
		},
		Finish: func(ctx context.Context, tx *store.Tx, batch int64) error {
			return s.recordOrders(ctx, tx, set, items, batch)
		},
	}
	var progress func(importer.Progress)
	if req.OnProgress != nil {
		progress = func(p importer.Progress) { req.OnProgress(p.Done, max(p.Total, p.Estimate)) }
	}
	var res *importer.Result
	if commit {
		res, err = s.im.Commit(ctx, ireq, progress)
	} else {
		var p *importer.Plan
		if p, err = s.im.Check(ctx, ireq, progress); err == nil {
			res = &importer.Result{Plan: *p}
		}
	}
	if err != nil {
		return nil, err
	}
	if len(res.Refused) > 0 {
		return nil, fmt.Errorf("sync mapping refused: %s", res.Refused[0].Message.EN)
	}
	plan.Batch = res.Batch
	for _, it := range items {
		plan.add(it.row)
	}
	return plan, nil
}

// writeRows writes the import file: one row per web customer the
// settings can bring in (per-customer mode), or the catch-all customer's
// code alone, which the orders are recorded on. A web customer whose code
// or account cannot be made is refused here, with the reason.
func (s *Syncer) writeRows(ctx context.Context, path string, set Settings, items []*planned) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	w.Comma = ';'
	header := make([]string, len(rowFields))
	for i, k := range rowFields {
		header[i] = domain.FieldLabel(k, "fr")
	}
	w.Write(header)
	line := 1 // the physical line the last record ended on
	put := func(values map[string]string) int {
		rec := make([]string, len(rowFields))
		newlines := 0
		for i, k := range rowFields {
			rec[i] = values[k]
			newlines += strings.Count(rec[i], "\n")
		}
		w.Write(rec)
		start := line + 1
		line = start + newlines // a value's line breaks stay inside its quotes
		return start
	}
	if set.AccountMode == AccountCatchAll {
		put(map[string]string{"code": set.CatchAllCode})
	} else {
		for _, it := range items {
			code, err := set.CodeFor(it.web.ShopID)
			if err == nil {
				var account string
				if account, err = set.accountFor(it.web.ShopID); err == nil {
					it.code, it.row.Code = code, code
					it.line = put(set.row(it.web, code, account))
					continue
				}
			} else if known, kerr := s.knownByEmail(ctx, set, it.web); kerr != nil {
				return kerr
			} else if known {
				// No shop ID to make a code from, but the customer is
				// already here under its e-mail: it is updated (its code
				// kept) and its orders attached.
				it.line = put(set.row(it.web, "", ""))
				continue
			}
			it.row.refuse(domain.Message{FR: domain.UserMessage(err, "fr"), EN: domain.UserMessage(err, "en")})
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// knownByEmail reports whether the settings look customers up by e-mail
// and one has this web customer's.
func (s *Syncer) knownByEmail(ctx context.Context, set Settings, w WebCustomer) (bool, error) {
	if !set.EmailFirst || w.Email == "" {
		return false, nil
	}
	found := false
	err := s.svc.Store.View(ctx, func(tx *store.Tx) error {
		_, err := tx.CustomerBy(ctx, "email", strings.ToLower(strings.TrimSpace(w.Email)))
		if errors.Is(err, domain.ErrNotFound) {
			return nil
		}
		found = err == nil
		return err
	})
	return found, err
}

// fromImport reads what the import engine decided for the row.
func (r *Row) fromImport(rp importer.RowPlan, set Settings) {
	if rp.Code != "" {
		r.Code = rp.Code
	}
	if rp.Name != "" {
		r.Name = rp.Name
	}
	matched := domain.Message{FR: "même code client", EN: "same customer code"}
	if set.EmailFirst {
		matched = domain.Message{FR: "même e-mail", EN: "same email"}
	}
	switch rp.Action {
	case importer.ActionCreate:
		r.Action = ActionCreate
	case importer.ActionUpdate:
		r.Action, r.Why, r.Changes = ActionUpdate, matched, rp.Changes
	case importer.ActionUnchanged:
		r.Action, r.Why = ActionUnchanged, matched
	default:
		var fr, en []string
		for _, p := range rp.Problems {
			if p.Severity == importer.SeverityError {
				fr = append(fr, domain.Labelled(p.Column, p.Message.FR, "fr"))
				en = append(en, domain.Labelled(p.Column, p.Message.EN, "en"))
			}
		}
		r.refuse(domain.Message{FR: strings.Join(fr, " "), EN: strings.Join(en, " ")})
	}
}

func (r *Row) refuse(why domain.Message) { r.Action, r.Why = ActionRefuse, why }

func (p *Plan) add(r Row) {
	p.Counts.Customers++
	switch r.Action {
	case ActionCreate:
		p.Counts.Created++
	case ActionAttach:
		p.Counts.Attached++
	case ActionUpdate:
		p.Counts.Updated++
	case ActionUnchanged:
		p.Counts.Unchanged++
	case ActionRefuse:
		p.Counts.Refused++
	}
	p.Counts.Orders += r.Orders
	p.Rows = append(p.Rows, r)
}

func displayName(w WebCustomer) string {
	if n := strings.TrimSpace(w.LastName + " " + w.FirstName); n != "" {
		return n
	}
	return w.Company
}

func shopLabel(s Shop) string {
	switch s {
	case ShopPrestaShop:
		return "PrestaShop"
	case ShopWooCommerce:
		return "WooCommerce"
	case ShopShopify:
		return "Shopify"
	case ShopMagento:
		return "Magento"
	}
	return string(s)
}

// errCatchAllMissing: the catch-all customer of the settings is not in the
// file.
func errCatchAllMissing(code string) error {
	return &domain.Error{Code: "sync.catch_all_missing", Message: domain.Message{
		FR: "Le client unique « " + code + " » des réglages de synchronisation n’existe pas : choisissez un client existant.",
		EN: "The single customer \"" + code + "\" of the sync settings does not exist: choose an existing customer."}}
}
