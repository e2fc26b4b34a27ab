package triage

// Danish words for a person on the shop's side. "en af jer", "en fra
// butikken" and the like name a person by where they work.
const (
	personDA = "menneske|mennesker|et_menneske|person|personer|medarbejder|medarbejdere|medarbejderen|" +
		"kundeservice|kundeservicen|kundeservicemedarbejder|kundeservicemedarbejdere|ansat|ansatte|en_ansat|" +
		"leder|lederen|ledere|chef|chefen|chefer|agent|supporter|supporten|support|jeres_support|" +
		"kollega|kollegaer|kolleger|kollegerne|kollegaerne|en_kollega|supervisor|ansvarlig|en_ansvarlig|den_ansvarlige|" +
		"teamleder|teamlederen|teamledere|afdelingsleder|afdelingslederen|overordnet|overordnede|en_overordnet|jeres_folk|vedkommende|" +
		"tekniker|teknikere|teknikeren|en_tekniker|voksen|en_voksen|" +
		"rådgiver|konsulent|sagsbehandler|sagsbehandleren|sagsbehandlere|servicemedarbejder|menneskelig_medarbejder|menneskelig_kollega|menneskelig|" +
		"en_af_jer|nogen_af_jer|en_fra_jer|en_hos_jer|en_af_jeres|en_af_dine|en_af_dem|" +
		"en_fra|nogen_fra|en_hos|nogen_hos|jeres_team|teamet|" +
		"%menneske|%medarbejder|%kundeservice|%kollega|%kundeservicemedarbejder"
	// personActionsDA are what a customer asks a person to do.
	personActionsDA = "kigge|se|tage_over|overtage|tage_sig_af|hjælpe|ringe|kontakte|svare|behandle|løse|skrive|vende_tilbage|" +
		"kiggede|kigger|så|ser|tog|tager|ringede|hjalp|gennemgå|gennemgik"
)

func personCuesDA() (strong, weak []string) {
	anyone := alts(personDA, "nogen|human|humans|agent|rep|supervisor|manager|staff|%human|en_der|nogen_der|en_som|nogen_som")
	strong = []string{
		// "stop botten": the bot stopped, a person instead.
		"stop|stands|sluk|drop ~1 botten|robotten|chatbotten|den_robot|den_bot",
		"tale|snakke|chatte|skrive|snak|tal|sludre|kontakt|kontakten|i_kontakt|gennemgå|gennemgaa|drøfte|droefte|diskutere|afklare ~2 med ~3 " + anyone,
		"fat i ~3 " + personDA,
		"forklare|forklar|forklaret|beskrive ~2 til ~3 " + anyone,
		"helst|hellere ~1 " + personDA,
		// Staff, named as a whole: to talk with them, not about the
		// showroom's ("kan personalet i showroomet hjælpe").
		"tale|snakke|chatte|skrive ~2 med ~1 jeres|dit|dine|noget personale|personalet",
		"stil|stille|stilles|stillet|sæt|sætte|saet|saette|send|sende|sendes|viderestil|viderestille|overfør|overføre|overfoer|overfoere|flyt ~1 mig|dig|os|sagen|den|det|samtalen ~2 videre|over|igennem|om ~1 til ~3 " + anyone,
		"stil|stille|stilles|sætte|sæt ~1 mig|dig ~2 videre|igennem|over|om",
		"stilles|sendes|viderestilles|stillet|sendt|viderestillet videre|igennem|over|om",
		"viderestil*",
		"videre|igennem til ~3 " + personDA,
		"forbindelse med ~3 " + personDA,
		"eskaler* ~3 til ~3 " + personDA,
		"vil|gerne|skal|ønsker ~3 eskaler*",
		"find|finde|få_fat_i en|nogen ~1 der ~1 kan",
		"vil|ønsker|gerne|behøver|brug|bruge|skal_bruge|have|få|giv|give|gider|mangler ~2 mig|en|et|nogen ?rigtig|rigtigt|ægte|levende|menneskelig " + personDA,
		"rigtig|rigtigt|levende|ægte|virkelig|rigtige|menneskelig|personlig menneske|person|medarbejder|mennesker|personer|medarbejdere|hjælp|kontakt|betjening|%menneske|%medarbejder",
		"^menneske|medarbejder|kundeservice|person|%menneske|%medarbejder$",
		"menneske|medarbejder|person|kundeservice|%menneske|%medarbejder|%kundeservice tak|please|pls|plz|nu",
		"nogen|en fra ~2 kundeservice|jer|jeres|teamet|kundeservicen|butikken|firmaet|supporten|support ~3 kontakte|kontakter|ringe|ringer|skrive|skriver|svare|svarer",
		"er der ~1 et|en|nogen ?rigtigt|rigtig menneske|person|medarbejder ~2 der|som ~3 kan|vil|gider",
		"blive|bliver ~1 sat|stillet|viderestillet|sendt ~1 over|videre|igennem ~1 til",
		"den|dem|en|nogen der|som ~1 tager_sig_af|står_for|har_med|håndterer|behandler|styrer",
		"kan|må|vil|lad|lade|få|gider|bed|kunne|ville|muligt ~4 " + anyone + " ~4 " + personActionsDA,
		"få ~2 person|menneske|medarbejder|kollega|kollegaer|ansat|ansatte|leder|chef til",
		"er der ~1 en|nogen ?rigtig|rigtige|levende " + personDA,
		"er der nogen ?her|derude|til_stede ~3 hjælpe|svare|tale|snakke",
		"er der nogen ?her|derude$",
		"en|et levende sjæl|menneske|person",
		"høre|hører fra ~4 " + personDA,
		"hvem kan|skal jeg|man ~1 tale|snakke|skrive med",
		// "en voksen jeg kan snakke med": the preposition at the end.
		"en|et|nogen ~1 " + personDA + " ~1 jeg|man|vi ~2 kan|må|kunne|gerne ~1 tale|snakke|skrive|chatte med",
		// Call-back requests.
		"ring|ringe|ringer|kontakt|kontakte ~1 mig|os ?op|tilbage|igen|på|venligst|lige|i_dag|i_morgen|nu",
		"ring|ringe|ringer ~1 venligst|lige|gerne ?til ?mig|os ?op|tilbage",
		"ring|ringe til mig|os",
		"ring|ringe|ringer tilbage",
		"ringes op",
		"blive ringet op",
		"opkald|opringning|telefonopkald fra ~2 jer|dig|nogen|en|kundeservice",
		"få|have ~2 et_opkald|en_opringning",
		"kontakte|kontakt ~1 mig|os ~2 telefonisk|på_telefonen|pr_telefon|i_telefonen",
		"en|nogen|person|medarbejder|jer|menneske ~3 i telefonen|røret",
		"få ~4 i telefonen|røret",
		"telefonisk kontakt",
	}
	weak = []string{
		"ikke ~3 robot|bot|chatbot|maskine|robotten|chatbotten|automatisk|automatiske",
		"frem_for|i_stedet_for ~2 robot|bot|chatbot|maskine",
		"hjælp fra ~2 menneske|person|medarbejder|jer|en_person",
	}
	return strong, weak
}
