package shopsync

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"carnet/internal/domain"
	"carnet/internal/store"
)

// settingsKey is where the sync settings are saved, as JSON.
const settingsKey = "sync.settings"

// maxLength bounds a code's or an account's LENGTH (seed 000's fields).
const maxLength = 20

// what names, in messages, the thing being numbered.
type what struct{ fr, en string }

var (
	codeWhat    = what{"code client", "customer code"}
	accountWhat = what{"compte comptable", "accounting account"}
)

func settingError(fr, en string) error {
	return domain.SettingError("sync", domain.Message{FR: fr, EN: en})
}

func (s Settings) check() error {
	switch s.Shop {
	case ShopPrestaShop, ShopWooCommerce, ShopShopify, ShopMagento, ShopGeneric:
	default:
		return settingError("Boutique inconnue « "+string(s.Shop)+" » : choisissez PrestaShop, WooCommerce, Shopify, Magento ou générique.",
			"Unknown shop \""+string(s.Shop)+"\": choose PrestaShop, WooCommerce, Shopify, Magento or generic.")
	}
	switch s.AccountMode {
	case AccountCatchAll:
		if strings.TrimSpace(s.CatchAllCode) == "" {
			return settingError("Compte client unique : choisissez le client qui reçoit toutes les commandes web.",
				"Single customer account: choose the customer who receives every web order.")
		}
	case AccountPerCustomer:
		if err := checkPattern(s.CodePrefix, s.CodeLength, codeWhat); err != nil {
			return err
		}
	default:
		return settingError("Choisissez un compte client unique ou un compte par client web.",
			"Choose a single customer account or one account per web customer.")
	}
	switch s.LedgerMode {
	case LedgerSame:
		if !accountChars(s.LedgerAccount) || s.LedgerAccount == "" {
			return settingError("Compte comptable commun : lettres et chiffres seulement, 1 à 20 caractères (par exemple 411WEB).",
				"Shared accounting account: letters and digits only, 1 to 20 characters (for example 411WEB).")
		}
	case LedgerPerCustomer:
		if err := checkPattern(s.LedgerPrefix, s.LedgerLength, accountWhat); err != nil {
			return err
		}
	case LedgerNone:
	default:
		return settingError("Choisissez un compte comptable commun, un compte par client ou aucun.",
			"Choose a shared accounting account, one account per customer, or none.")
	}
	return nil
}

// checkPattern refuses a PREFIX + LENGTH that cannot make codes: a prefix
// with characters a code cannot hold, a LENGTH outside 1–20, or one that
// leaves no room for an ID.
func checkPattern(prefix string, length int, w what) error {
	if !accountChars(prefix) {
		return settingError("Préfixe du "+w.fr+" « "+prefix+" » : lettres, chiffres, « - » et « _ » seulement, sans espace ni accent.",
			"Prefix of the "+w.en+" \""+prefix+"\": letters, digits, \"-\" and \"_\" only, no space or accent.")
	}
	if length < 1 || length > maxLength {
		return settingError(fmt.Sprintf("Longueur du %s : de 1 à %d caractères, préfixe compris (%d donné).", w.fr, maxLength, length),
			fmt.Sprintf("Length of the %s: 1 to %d characters, prefix included (%d given).", w.en, maxLength, length))
	}
	if len(prefix) >= length {
		return settingError(fmt.Sprintf("Longueur du %s : %d caractères ne laissent aucune place au numéro après le préfixe « %s » (%d caractères). Allongez-la ou raccourcissez le préfixe.", w.fr, length, prefix, len(prefix)),
			fmt.Sprintf("Length of the %s: %d characters leave no room for the number after the prefix \"%s\" (%d characters). Make it longer or the prefix shorter.", w.en, length, prefix, len(prefix)))
	}
	return nil
}

// accountChars reports a text made only of ASCII letters, digits, "-" and
// "_": what codes and accounts hold in every accounting package.
func accountChars(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// padded is PREFIX + zeros + ID, exactly length characters. An ID that
// does not fit, or holds what a code cannot, is an error naming it.
func padded(prefix, id string, length int, w what) (string, error) {
	id = strings.TrimSpace(id)
	switch {
	case id == "":
		return "", &domain.Error{Code: "sync.no_id", Message: domain.Message{
			FR: "Le fichier ne donne pas le numéro client de la boutique : impossible de faire le " + w.fr + " (préfixe + numéro). Un client déjà présent est retrouvé par son e-mail si « Rechercher d’abord le client par son adresse e-mail » est coché ; sinon, exportez le fichier qui porte les numéros (Magento : la grille Clients) ou choisissez un compte client unique.",
			EN: "The file gives no shop customer number: the " + w.en + " (prefix + number) cannot be made. A customer already here is found by e-mail when “Look the customer up by e-mail first” is ticked; otherwise export the file that carries the numbers (Magento: the Customers grid) or choose a single customer account."}}
	case !accountChars(id):
		return "", &domain.Error{Code: "sync.bad_id", Message: domain.Message{
			FR: "Numéro client de la boutique « " + id + " » : un " + w.fr + " ne peut contenir que lettres, chiffres, « - » et « _ ».",
			EN: "Shop customer number \"" + id + "\": a " + w.en + " can hold only letters, digits, \"-\" and \"_\"."}}
	case len(prefix)+len(id) > length:
		return "", &domain.Error{Code: "sync.id_too_long", Message: domain.Message{
			FR: fmt.Sprintf("Le numéro client de la boutique « %s » ne tient pas dans un %s de %d caractères avec le préfixe « %s » : allongez la longueur dans les réglages de synchronisation (rien n’est tronqué).", id, w.fr, length, prefix),
			EN: fmt.Sprintf("Shop customer number \"%s\" does not fit a %s of %d characters with the prefix \"%s\": make the length longer in the sync settings (nothing is cut).", id, w.en, length, prefix)}}
	}
	return prefix + strings.Repeat("0", length-len(prefix)-len(id)) + id, nil
}

func (s Settings) accountFor(shopID string) (string, error) {
	switch s.LedgerMode {
	case LedgerSame:
		return s.LedgerAccount, nil
	case LedgerPerCustomer:
		return padded(s.LedgerPrefix, shopID, s.LedgerLength, accountWhat)
	}
	return "", nil
}

func (s Settings) preview(id string) domain.Message {
	if err := s.check(); err != nil {
		return domain.Message{FR: domain.UserMessage(err, "fr"), EN: domain.UserMessage(err, "en")}
	}
	var fr, en string
	if s.AccountMode == AccountCatchAll {
		fr = "toutes les commandes web → client " + s.CatchAllCode
		en = "every web order → customer " + s.CatchAllCode
	} else {
		code, err := s.CodeFor(id)
		if err != nil {
			return domain.Message{FR: domain.UserMessage(err, "fr"), EN: domain.UserMessage(err, "en")}
		}
		fr, en = "ID "+id+" → code "+code, "ID "+id+" → code "+code
	}
	switch account, err := s.accountFor(id); {
	case err != nil:
		return domain.Message{FR: domain.UserMessage(err, "fr"), EN: domain.UserMessage(err, "en")}
	case account == "":
		fr += ", compte comptable laissé à la comptabilité"
		en += ", accounting account left to the accounting software"
	default:
		fr += ", compte " + account
		en += ", account " + account
	}
	return domain.Message{FR: fr, EN: en}
}

func (s *Syncer) loadSettings(ctx context.Context) (Settings, error) {
	set := DefaultSettings
	err := s.svc.Store.View(ctx, func(tx *store.Tx) error {
		v, ok, err := tx.Setting(ctx, settingsKey)
		if err != nil || !ok {
			return err
		}
		return json.Unmarshal([]byte(v), &set)
	})
	return set, err
}

func (s *Syncer) saveSettings(ctx context.Context, set Settings) error {
	if err := set.check(); err != nil {
		return err
	}
	b, err := json.Marshal(set)
	if err != nil {
		return err
	}
	return s.svc.Store.Update(ctx, func(tx *store.Tx) error {
		if err := s.svc.Record(ctx, tx, domain.JournalSettings, "sync", string(b)); err != nil {
			return err
		}
		return tx.SetSetting(ctx, settingsKey, string(b))
	})
}
