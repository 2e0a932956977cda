package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"carnet/internal/domain"
	"carnet/internal/shopsync"
)

func init() {
	register("sync", domain.Message{FR: "synchroniser les clients d’une boutique en ligne : carnet sync FICHIER [FICHIER2] --shop S [règles] [--save] [--dry-run]",
		EN: "bring in an online shop's customers: carnet sync FILE [FILE2] --shop S [rules] [--save] [--dry-run]"}, runSync)
	onCancel("sync", domain.Message{FR: "Interrompu : la synchronisation n’a rien écrit.", EN: "Interrupted: the sync wrote nothing."})
}

// syncFlags are the rule flags; each one given overrides the saved
// setting, the others keep it.
type syncFlags struct {
	emailFirst, updateShipping, updateBilling, removeAccents, upperName, upperAddresses  *bool
	accountMode, catchAll, codePrefix, ledgerMode, ledgerAccount, ledgerPrefix, salesRep *string
	codeLength, ledgerLength                                                             *int
}

func newSyncFlags(f *flags, env *Env) syncFlags {
	m := env.m
	return syncFlags{
		emailFirst:     f.Bool("email-first", false, m("chercher d’abord le client par son e-mail", "look the customer up by email first")),
		accountMode:    f.String("account-mode", "", m("per_customer (un client par client web) ou catch_all (un client unique)", "per_customer (one customer per web customer) or catch_all (one single customer)")),
		catchAll:       f.String("catch-all", "", m("catch_all : le code du client qui reçoit toutes les commandes", "catch_all: the code of the customer who receives every order")),
		codePrefix:     f.String("code-prefix", "", m("per_customer : préfixe des codes clients (WEB)", "per_customer: prefix of customer codes (WEB)")),
		codeLength:     f.Int("code-length", 0, m("per_customer : longueur des codes, préfixe compris (10)", "per_customer: length of codes, prefix included (10)")),
		ledgerMode:     f.String("ledger-mode", "", m("compte comptable : same (le même pour tous), per_customer ou none", "accounting account: same (one for all), per_customer or none")),
		ledgerAccount:  f.String("ledger-account", "", m("same : le compte comptable commun", "same: the shared accounting account")),
		ledgerPrefix:   f.String("ledger-prefix", "", m("per_customer : préfixe des comptes (411)", "per_customer: prefix of accounts (411)")),
		ledgerLength:   f.Int("ledger-length", 0, m("per_customer : longueur des comptes, préfixe compris", "per_customer: length of accounts, prefix included")),
		salesRep:       f.String("sales-rep", "", m("représentant des nouveaux clients", "sales representative of new customers")),
		updateShipping: f.Bool("update-shipping", false, m("mettre à jour les adresses de livraison", "update the delivery addresses")),
		updateBilling:  f.Bool("update-billing", false, m("mettre à jour les adresses de facturation", "update the billing addresses")),
		removeAccents:  f.Bool("remove-accents", false, m("retirer les accents du nom et des adresses", "remove accents from the name and addresses")),
		upperName:      f.Bool("upper-name", false, m("mettre le nom en majuscules", "upper-case the name")),
		upperAddresses: f.Bool("upper-addresses", false, m("mettre les adresses en majuscules", "upper-case the addresses")),
	}
}

// apply writes the flags given onto the saved settings.
func (sf syncFlags) apply(fs *flag.FlagSet, set *shopsync.Settings) {
	fs.Visit(func(fl *flag.Flag) {
		switch fl.Name {
		case "email-first":
			set.EmailFirst = *sf.emailFirst
		case "account-mode":
			set.AccountMode = shopsync.AccountMode(*sf.accountMode)
		case "catch-all":
			set.CatchAllCode = *sf.catchAll
		case "code-prefix":
			set.CodePrefix = *sf.codePrefix
		case "code-length":
			set.CodeLength = *sf.codeLength
		case "ledger-mode":
			set.LedgerMode = shopsync.LedgerMode(*sf.ledgerMode)
		case "ledger-account":
			set.LedgerAccount = *sf.ledgerAccount
		case "ledger-prefix":
			set.LedgerPrefix = *sf.ledgerPrefix
		case "ledger-length":
			set.LedgerLength = *sf.ledgerLength
		case "sales-rep":
			set.SalesRep = *sf.salesRep
		case "update-shipping":
			set.UpdateShipping = *sf.updateShipping
		case "update-billing":
			set.UpdateBilling = *sf.updateBilling
		case "remove-accents":
			set.RemoveAccents = *sf.removeAccents
		case "upper-name":
			set.UpperName = *sf.upperName
		case "upper-addresses":
			set.UpperAddresses = *sf.upperAddresses
		}
	})
}

func runSync(ctx context.Context, env *Env, args []string) error {
	f := newFlags("sync", env)
	f.help("Usage : carnet sync FICHIER [FICHIER2] --shop prestashop|woocommerce|shopify|magento [règles] [--save] [--dry-run] [--json]\n"+
		"Amène les clients (et leurs commandes) de l’export d’une boutique selon les règles enregistrées ; chaque règle donnée ici les remplace pour cette fois, ou pour de bon avec --save. Annulable par carnet undo N°.\n"+
		"Sans FICHIER, --save enregistre seulement les règles.\n\nOptions :\n",
		"Usage: carnet sync FILE [FILE2] --shop prestashop|woocommerce|shopify|magento [rules] [--save] [--dry-run] [--json]\n"+
			"Brings in the customers (and their orders) of a shop's export under the saved rules; each rule given here replaces them this once, or for good with --save. Undone with carnet undo BATCH.\n"+
			"Without FILE, --save only saves the rules.\n\nOptions:\n")
	shop := f.String("shop", "", env.m("prestashop, woocommerce, shopify ou magento (par défaut : celle des réglages)", "prestashop, woocommerce, shopify or magento (default: the saved one)"))
	rules := newSyncFlags(f, env)
	save := f.Bool("save", false, env.m("enregistrer les règles données", "save the rules given"))
	dryRun := f.Bool("dry-run", false, env.m("dire ce qui serait fait, sans rien écrire", "say what would be done, writing nothing"))
	files, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(files) == 0 && !*save {
		return usageErr("un FICHIER attendu (l’export de la boutique), ou --save", "expected a FILE (the shop's export), or --save")
	}
	for _, file := range files {
		if _, err := os.Stat(file); err != nil {
			return usageErr("« "+file+" » est introuvable.", "\""+file+"\" cannot be found.")
		}
	}
	svc, err := f.openToChange(ctx)
	if err != nil {
		return err
	}
	defer svc.Close()
	syncer := shopsync.New(svc)
	set, err := syncer.LoadSettings(ctx)
	if err != nil {
		return err
	}
	rules.apply(f.FlagSet, &set)
	if *shop != "" {
		set.Shop = shopsync.Shop(strings.ToLower(*shop))
	}
	if err := set.Check(); err != nil {
		return err
	}
	if *save {
		if err := syncer.SaveSettings(ctx, set); err != nil {
			return err
		}
		if !*f.json {
			fmt.Fprintln(env.Stdout, env.m("Réglages de synchronisation enregistrés : ", "Sync settings saved: ")+set.Preview(shopsync.SampleID).In(env.Lang))
		}
		if len(files) == 0 {
			if *f.json {
				return printJSON(env.Stdout, set)
			}
			return nil
		}
	}
	req := shopsync.Request{Shop: set.Shop, Files: files, Settings: set}
	run := syncer.Run
	if *dryRun {
		run = syncer.DryRun
	}
	plan, err := run(ctx, req)
	if err != nil {
		return err
	}
	if *f.json {
		return printJSON(env.Stdout, plan)
	}
	printSyncPlan(env, plan, *dryRun)
	return nil
}

func printSyncPlan(env *Env, p *shopsync.Plan, dryRun bool) {
	c := p.Counts
	if dryRun {
		fmt.Fprintln(env.Stdout, env.m("Essai (rien n’est écrit) :", "Dry run (nothing written):"))
	} else {
		fmt.Fprintf(env.Stdout, env.m("Synchronisation n° %d (annulable : carnet undo %d) :\n", "Sync #%d (undo: carnet undo %d):\n"), p.Batch, p.Batch)
	}
	fmt.Fprintf(env.Stdout, env.m("  %d client(s) web : %d créé(s), %d rattaché(s), %d mis à jour, %d inchangé(s), %d refusé(s) ; %d commande(s) enregistrée(s)\n",
		"  %d web customer(s): %d created, %d attached, %d updated, %d unchanged, %d refused; %d order(s) recorded\n"),
		c.Customers, c.Created, c.Attached, c.Updated, c.Unchanged, c.Refused, c.Orders)
	for _, r := range p.Rows {
		switch r.Action {
		case shopsync.ActionUnchanged:
			continue
		case shopsync.ActionCreate:
			fmt.Fprintf(env.Stdout, env.m("  + %s  %s (%s)\n", "  + %s  %s (%s)\n"), r.Code, r.Name, r.Email)
		case shopsync.ActionAttach:
			fmt.Fprintf(env.Stdout, env.m("  ↪ %s  %s : rattaché (%s), %d commande(s)\n", "  ↪ %s  %s: attached (%s), %d order(s)\n"), r.Code, r.Name, r.Why.In(env.Lang), r.Orders)
		case shopsync.ActionUpdate:
			fmt.Fprintf(env.Stdout, env.m("  ~ %s  %s (%s) :", "  ~ %s  %s (%s):"), r.Code, r.Name, r.Why.In(env.Lang))
			for _, ch := range r.Changes {
				fmt.Fprintf(env.Stdout, " %s « %s » → « %s »", domain.FieldLabel(ch.Field, env.Lang), ch.Old, ch.New)
			}
			fmt.Fprintln(env.Stdout)
		case shopsync.ActionRefuse:
			fmt.Fprintf(env.Stdout, env.m("  ✗ %s  %s : %s\n", "  ✗ %s  %s: %s\n"), r.Line, r.Name, r.Why.In(env.Lang))
		}
		for _, n := range r.Notes {
			fmt.Fprintf(env.Stdout, "      %s\n", n.In(env.Lang))
		}
	}
}
