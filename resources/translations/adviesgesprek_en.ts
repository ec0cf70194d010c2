<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="nl">
<context>
    <name>AdvicePage</name>
    <message>
        <location filename="../../wizard/ui/advice_page.py" line="23"/>
        <source>Advies</source>
        <translation>Advice</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/advice_page.py" line="19"/>
        <source>De uitgangspunten en het advies.</source>
        <translation>The principles and the advice.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/advice_page.py" line="21"/>
        <source>Loop de punten samen met de bewindspersoon door.</source>
        <translation>Go through the points together with the minister.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/advice_page.py" line="26"/>
        <source>Uitgangspunten en advies</source>
        <translation>Principles and advice</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/advice_page.py" line="47"/>
        <source>Uitgangspunten van de overheidscommunicatie</source>
        <translation>Principles of government communication</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/advice_page.py" line="48"/>
        <source>Wat u kunt zeggen</source>
        <translation>What you can say</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/advice_page.py" line="78"/>
        <source>(advies)</source>
        <translation>(advised)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/advice_page.py" line="79"/>
        <source>(gekozen)</source>
        <translation>(chosen)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/advice_page.py" line="92"/>
        <source>Onderwerp</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/advice_page.py" line="104"/>
        <source>Advies:</source>
        <translation>Advised:</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/advice_page.py" line="106"/>
        <source>Gekozen:</source>
        <translation>Chosen:</translation>
    </message>
</context>
<context>
    <name>AdviesWizard</name>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="82"/>
        <source>Terug naar overzicht</source>
        <extracomment>the wizard&apos;s own buttons, after the page in the tab order the File menu&apos;s actions that need the rulebook</extracomment>
        <translation>Back to the overview</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../wizard/app.py" line="146"/>
        <source>Regelboek</source>
        <translation>Rulebook</translation>
    </message>
    <message>
        <location filename="../../wizard/app.py" line="147"/>
        <source>Het regelboek kan niet worden geladen: {message}</source>
        <translation>The rulebook cannot be loaded: {message}</translation>
    </message>
</context>
<context>
    <name>AttentionPage</name>
    <message>
        <location filename="../../wizard/ui/attention_page.py" line="20"/>
        <location filename="../../wizard/ui/attention_page.py" line="28"/>
        <source>Aandachtspunten</source>
        <translation>Points of attention</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/attention_page.py" line="21"/>
        <source>Punten die bij deze keuze horen; ze komen in de afspraken.</source>
        <translation>Points that come with this choice; they are part of the agreement.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/attention_page.py" line="24"/>
        <source>Het gesprek valt in een verkiezingsperiode</source>
        <translation>The conversation falls in an election period</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/attention_page.py" line="32"/>
        <source>Aantekeningen bij het gesprek</source>
        <translation>Notes on the conversation</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/attention_page.py" line="57"/>
        <source>Bij deze keuze gelden geen aandachtspunten.</source>
        <translation>No points of attention apply to this choice.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/attention_page.py" line="63"/>
        <source>Loop de aandachtspunten samen door. Ze gelden voor de gekozen variant en komen in de afspraken.</source>
        <translation>Go through the points of attention together. They apply to the chosen variant and are part of the agreement.</translation>
    </message>
</context>
<context>
    <name>ChoicePage</name>
    <message>
        <location filename="../../wizard/ui/choice_page.py" line="67"/>
        <source>Welke variant kiest de bewindspersoon?</source>
        <translation>Which variant does the minister choose?</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/choice_page.py" line="68"/>
        <source>Keuze</source>
        <translation>Choice</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/choice_page.py" line="78"/>
        <source>(advies)</source>
        <translation>(advised)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/choice_page.py" line="80"/>
        <source>(uitzondering)</source>
        <translation>(exception)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/choice_page.py" line="91"/>
        <source>Variant</source>
        <translation>Variant</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/choice_page.py" line="92"/>
        <source>Gekozen variant</source>
        <translation>Chosen variant</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/choice_page.py" line="105"/>
        <source>Motivering</source>
        <translation>Motivation</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/choice_page.py" line="107"/>
        <source>bijvoorbeeld: de bewindspersoon wil het bestaande account met veel volgers houden</source>
        <translation>for example: the minister wants to keep the existing account with many followers</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/choice_page.py" line="115"/>
        <source>Gevolgen, besproken met de bewindspersoon</source>
        <translation>Consequences, discussed with the minister</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/choice_page.py" line="118"/>
        <source>Vink aan wat u met de bewindspersoon hebt besproken. Deze punten komen in de afspraken.</source>
        <translation>Tick what you have discussed with the minister. These points are part of the agreement.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/choice_page.py" line="160"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/choice_page.py" line="160"/>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/choice_page.py" line="162"/>
        <source>Besproken:</source>
        <translation>Discussed:</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/choice_page.py" line="165"/>
        <source>Afgesproken:</source>
        <translation>Agreed:</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/choice_page.py" line="180"/>
        <source>Wat deze keuze voor de bewindspersoon betekent:</source>
        <translation>What this choice means for the minister:</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../wizard/ui/compare_dialog.py" line="49"/>
        <source>Vergelijken met ander regelboek</source>
        <translation>Compare with another rulebook</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/compare_dialog.py" line="57"/>
        <source>Wat verandert er voor dit gesprek met een ander regelboek, zoals een nieuwe versie van de Voorlichtingsraad of de volgende aanvulling van uw departement? Kies een bestand (een aanvulling) of een map (een volledig regelboek, of een aanvulling in een map).</source>
        <translation>What would another rulebook change for this conversation, such as a new version from the Voorlichtingsraad or your department&apos;s next overlay? Choose a file (an overlay) or a folder (a full rulebook, or an overlay in a folder).</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/compare_dialog.py" line="66"/>
        <source>&amp;Bestand kiezen…</source>
        <translation>Choose a &amp;file…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/compare_dialog.py" line="68"/>
        <source>Ander regelboek: bestand kiezen</source>
        <translation>Other rulebook: choose a file</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/compare_dialog.py" line="70"/>
        <source>&amp;Map kiezen…</source>
        <translation>Choose a f&amp;older…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/compare_dialog.py" line="72"/>
        <source>Ander regelboek: map kiezen</source>
        <translation>Other rulebook: choose a folder</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/compare_dialog.py" line="78"/>
        <source>Wat verandert</source>
        <translation>What changes</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/compare_dialog.py" line="82"/>
        <source>Wat het andere regelboek verandert</source>
        <translation>What the other rulebook changes</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/compare_dialog.py" line="99"/>
        <source>Nog geen ander regelboek gekozen.</source>
        <translation>No other rulebook chosen yet.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/compare_dialog.py" line="106"/>
        <source>Ander regelboek kiezen</source>
        <translation>Choose another rulebook</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/compare_dialog.py" line="108"/>
        <source>Regelboeken (*.yaml *.yml);;Alle bestanden (*)</source>
        <translation>Rulebooks (*.yaml *.yml);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/compare_dialog.py" line="114"/>
        <source>Map met het andere regelboek kiezen</source>
        <translation>Choose the folder of the other rulebook</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/compare_dialog.py" line="140"/>
        <source>Vergelijken lukt niet</source>
        <translation>Cannot compare</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/compare_dialog.py" line="141"/>
        <source>Dit regelboek is niet te gebruiken. {message}</source>
        <translation>This rulebook cannot be used. {message}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/compare_dialog.py" line="149"/>
        <source>{path} (volledig regelboek)</source>
        <translation>{path} (full rulebook)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/compare_dialog.py" line="151"/>
        <source>het ingebouwde regelboek met de aanvulling {path}</source>
        <translation>the built-in rulebook with the overlay {path}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/compare_dialog.py" line="155"/>
        <source>het ingebouwde regelboek</source>
        <translation>the built-in rulebook</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/compare_dialog.py" line="156"/>
        <source>{kind}, versie {version} van {date}</source>
        <translation>{kind}, version {version} of {date}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/compare_dialog.py" line="163"/>
        <source>het gesprek met {name}</source>
        <translation>the conversation with {name}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/compare_dialog.py" line="163"/>
        <source>dit gesprek</source>
        <translation>this conversation</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/compare_dialog.py" line="166"/>
        <source>Het andere regelboek verandert niets aan {who}.</source>
        <translation>The other rulebook changes nothing for {who}.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/compare_dialog.py" line="167"/>
        <source>Voor {who} verandert 1 punt:</source>
        <translation>For {who}, 1 point changes:</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/compare_dialog.py" line="168"/>
        <source>Voor {who} veranderen {count} punten:</source>
        <translation>For {who}, {count} points change:</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/compare_dialog.py" line="174"/>
        <source>Huidig regelboek: {rulebook}</source>
        <translation>Current rulebook: {rulebook}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/compare_dialog.py" line="177"/>
        <source>Vergeleken met: {rulebook}</source>
        <translation>Compared with: {rulebook}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="43"/>
        <source>Niet opgeslagen wijzigingen</source>
        <extracomment>what to do with a file another program changed since this window read or wrote it how to open a file that is open in another window</extracomment>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="45"/>
        <source>{name} heeft wijzigingen die nog niet zijn opgeslagen.</source>
        <translation>{name} has changes that have not been saved.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="49"/>
        <source>Wilt u de wijzigingen opslaan?</source>
        <translation>Do you want to save the changes?</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="101"/>
        <source>Tekst vervangen?</source>
        <translation>Replace the text?</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="103"/>
        <source>Uw eigen tekst van {what} vervangen door het voorstel van het regelboek?</source>
        <translation>Replace your own text of {what} with the rulebook&apos;s proposal?</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="107"/>
        <source>Met Ctrl+Z zet u uw eigen tekst terug.</source>
        <translation>Ctrl+Z brings your own text back.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="108"/>
        <source>&amp;Vervangen</source>
        <translation>&amp;Replace</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="110"/>
        <source>&amp;Eigen tekst houden</source>
        <translation>&amp;Keep my own text</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="267"/>
        <source>Zoeken in:</source>
        <translation>Look in:</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="268"/>
        <source>Bestandsnaam:</source>
        <translation>File name:</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="269"/>
        <source>Bestandstype:</source>
        <translation>Files of type:</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="270"/>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="272"/>
        <source>Openen</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="166"/>
        <location filename="../../wizard/ui/dialogs.py" line="187"/>
        <location filename="../../wizard/ui/dialogs.py" line="249"/>
        <location filename="../../wizard/ui/dialogs.py" line="273"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="54"/>
        <source>&amp;Opslaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="55"/>
        <source>&amp;Niet opslaan</source>
        <translation>&amp;Don&apos;t save</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="56"/>
        <source>&amp;Annuleren</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="68"/>
        <source>Variant wijzigen?</source>
        <translation>Change the variant?</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="70"/>
        <source>U hebt de gevolgen van deze variant al met de bewindspersoon besproken. Wilt u de variant toch wijzigen?</source>
        <translation>You have already discussed the consequences of this variant with the minister. Do you still want to change the variant?</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="77"/>
        <source>Bij een andere variant horen andere gevolgen; bespreek die opnieuw. Met Ctrl+Z zet u de wijziging terug.</source>
        <translation>A different variant has different consequences; discuss them again. Ctrl+Z undoes the change.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="87"/>
        <source>&amp;Ja, wijzigen</source>
        <translation>&amp;Yes, change</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="88"/>
        <source>&amp;Nee</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="143"/>
        <source>Bestand gewijzigd</source>
        <translation>File changed</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="145"/>
        <source>{name} is gewijzigd door een ander venster of programma, sinds u het opende of opsloeg.</source>
        <translation>{name} has been changed by another window or program since you opened or saved it.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="152"/>
        <source>Als u het overschrijft, gaan die wijzigingen verloren. U kunt uw gesprek onder een andere naam opslaan, de verschillen bekijken of het bestand opnieuw laden.</source>
        <translation>If you overwrite it, those changes are lost. You can save your conversation under another name, look at the differences or reload the file.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="162"/>
        <source>Opslaan &amp;als…</source>
        <translation>Save &amp;as…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="163"/>
        <source>&amp;Vergelijken…</source>
        <translation>&amp;Compare…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="164"/>
        <source>Opnieuw &amp;laden…</source>
        <translation>&amp;Reload…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="165"/>
        <source>&amp;Overschrijven</source>
        <translation>&amp;Overwrite</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="177"/>
        <source>Opnieuw laden?</source>
        <translation>Reload?</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="179"/>
        <source>{name} opnieuw laden zoals het nu op schijf staat?</source>
        <translation>Reload {name} as it is on disk now?</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="181"/>
        <source>Uw wijzigingen in dit venster gaan dan verloren.</source>
        <translation>Your changes in this window will then be lost.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="186"/>
        <source>Opnieuw &amp;laden</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="198"/>
        <location filename="../../wizard/ui/dialogs.py" line="209"/>
        <source>Verschillen met het bestand</source>
        <translation>Differences from the file</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="201"/>
        <source>Waar de antwoorden in dit venster verschillen van {name} op schijf:</source>
        <translation>Where the answers in this window differ from {name} on disk:</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="229"/>
        <source>Gesprek al geopend</source>
        <translation>Conversation already open</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="231"/>
        <source>{name} is al geopend in een ander venster (programma {pid} op {host}).</source>
        <translation>{name} is already open in another window (program {pid} on {host}).</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="236"/>
        <source>Alleen-lezen opent u het zonder het bestand te wijzigen: uw wijzigingen slaat u op onder een andere naam. Opent u het toch, dan zegt het programma het als het bestand intussen is gewijzigd.</source>
        <translation>Read-only opens it without changing the file: you save your changes under another name. If you open it anyway, the program tells you when the file has been changed in the meantime.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="247"/>
        <source>&amp;Alleen-lezen openen</source>
        <translation>Open &amp;read-only</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="248"/>
        <source>&amp;Toch openen</source>
        <translation>Open &amp;anyway</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="316"/>
        <source>Kiezen</source>
        <translation>Choose</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="338"/>
        <source>&lt;h3&gt;Adviesgesprek {version}&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Adviesgesprek {version}&lt;/h3&gt;</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="341"/>
        <source>&lt;p&gt;Wizard voor het adviesgesprek met een nieuwe bewindspersoon over de sociale-media-accounts.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wizard for the advisory conversation with a new minister about their social media accounts.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="350"/>
        <source>&lt;p&gt;Regelboek: {title}&lt;br&gt;versie {version} van {date}&lt;/p&gt;</source>
        <translation>&lt;p&gt;Rulebook: {title}&lt;br&gt;version {version} of {date}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="356"/>
        <source>&lt;p&gt;Aanvulling van het departement: {overlay}&lt;/p&gt;</source>
        <translation>&lt;p&gt;Department overlay: {overlay}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="361"/>
        <source>&lt;p&gt;Het programma maakt geen netwerkverbinding en vraagt of bewaart nooit wachtwoorden.&lt;/p&gt;</source>
        <translation>&lt;p&gt;The program makes no network connection and never asks for or stores passwords.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="371"/>
        <source>Over Adviesgesprek</source>
        <translation>About Adviesgesprek</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="377"/>
        <source>naar het volgende / vorige veld</source>
        <translation>to the next / previous field</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="380"/>
        <source>Volgende (in een tekstvak met meer regels: een nieuwe regel; op een knop: die knop)</source>
        <translation>Next (in a text area of several lines: a new line; on a button: that button)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="386"/>
        <source>Terug / Volgende</source>
        <translation>Back / Next</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="387"/>
        <source>nieuw gesprek</source>
        <translation>new conversation</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="388"/>
        <source>gesprek openen</source>
        <translation>open a conversation</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="389"/>
        <source>opslaan / opslaan als</source>
        <translation>save / save as</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="390"/>
        <source>ongedaan maken, ook na het invullen van een voorstel</source>
        <translation>undo, also after filling in a proposal</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="391"/>
        <source>deze handleiding</source>
        <translation>this manual</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="392"/>
        <source>de lijst met stappen tonen of verbergen</source>
        <translation>show or hide the list of steps</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="393"/>
        <source>de toelichting tonen of verbergen</source>
        <translation>show or hide the side panel</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="394"/>
        <source>het menu Ga naar: elke stap, met zijn teken</source>
        <translation>the Go to menu: every step, with its mark</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="400"/>
        <source>Begin op de startpagina een nieuw gesprek, of open een opgeslagen gesprek.</source>
        <translation>On the start page, start a new conversation or open a saved one.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="403"/>
        <source>Loop de stappen door met Volgende. De lijst Stappen (links) en het menu Ga naar tonen bij elke stap een teken: ✔ klaar, ○ nog in te vullen, ⚠ let op, ✖ fout.</source>
        <translation>Go through the steps with Next. The list of steps (left) and the Go to menu show a mark for every step: ✔ done, ○ still to fill in, ⚠ warning, ✖ error.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="409"/>
        <source>Een verplicht veld dat u nog niet hebt ingevuld heet &apos;nog in te vullen&apos;; pas als u de pagina verlaat zonder het in te vullen, telt het als fout.</source>
        <translation>A required field you have not filled in yet is &apos;still to fill in&apos;; only when you leave the page without filling it in does it count as an error.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="415"/>
        <source>De toelichting (rechts) geeft wat u kunt zeggen en de bevindingen van de pagina; Enter op een bevinding brengt u naar het veld.</source>
        <translation>The side panel (right) gives what you can say and the page&apos;s findings; Enter on a finding takes you to the field.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="420"/>
        <source>Waar het regelboek een voorstel doet (handle, bio), staat dat grijs in het veld en in het overzicht als voorstel. Een voorstel invullen over uw eigen tekst vraagt het programma eerst; Ctrl+Z zet uw tekst terug.</source>
        <translation>Where the rulebook makes a proposal (handle, bio), it is shown grey in the field and as a proposal in the overview. Before a proposal replaces your own text the program asks; Ctrl+Z brings your text back.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="427"/>
        <source>Vraagt de bewindspersoon waar een regel vandaan komt? &apos;Bron&apos; bij een gevolg, een gegeven van een platform, een bevinding of een punt in de toelichting toont de uitspraken van de bronnen waarop de regel rust; Escape sluit het venster weer.</source>
        <translation>Does the minister ask where a rule comes from? &apos;Source&apos; beside a consequence, a fact of a platform, a finding or an item in the guidance shows the statements of the sources the rule rests on; Escape closes the window again.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="434"/>
        <source>Het gesprek wordt automatisch bewaard; na een storing biedt de startpagina het aan.</source>
        <translation>The conversation is saved automatically; after a crash the start page offers it.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="438"/>
        <source>Uw naam en die van de directeur Communicatie onthoudt het programma voor het volgende gesprek.</source>
        <translation>The program remembers your name and that of the director of Communications for the next conversation.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="445"/>
        <source>Zo werkt het</source>
        <translation>How it works</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="446"/>
        <source>Sneltoetsen</source>
        <translation>Shortcuts</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/dialogs.py" line="454"/>
        <location filename="../../wizard/ui/dialogs.py" line="459"/>
        <source>Handleiding</source>
        <translation>Manual</translation>
    </message>
</context>
<context>
    <name>Differences</name>
    <message>
        <location filename="../../wizard/ui/differences.py" line="24"/>
        <source>(leeg)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/differences.py" line="26"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/differences.py" line="26"/>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/differences.py" line="40"/>
        <source>{label}: in dit venster {window}, in het bestand {disk}</source>
        <translation>{label}: in this window {window}, in the file {disk}</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="82"/>
        <location filename="../../wizard/ui/page_preview.py" line="371"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="97"/>
        <source>Bezig: {step}</source>
        <translation>Working on: {step}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/page_preview.py" line="222"/>
        <source>Voorbeeld van de pagina&apos;s als afbeelding. De tekst van het document staat in het HTML-bestand dat Exporteren naar map maakt; de antwoorden staan op de pagina Overzicht.</source>
        <translation>Preview of the pages as images. The document&apos;s text is in the HTML file that Export to folder writes; the answers are on the Overview page.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/page_preview.py" line="283"/>
        <source>Het document kan niet worden gemaakt: {error}</source>
        <translation>The document cannot be made: {error}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/page_preview.py" line="306"/>
        <source>Pagina {page} van {pages}</source>
        <translation>Page {page} of {pages}</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="117"/>
        <source>Documenten</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="118"/>
        <source>Bekijk de afspraken en de checklist, druk ze af of sla ze op.</source>
        <translation>Review the agreement and the checklist, print them or save them.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="128"/>
        <location filename="../../wizard/ui/documents_page.py" line="147"/>
        <source>Afspraken</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="129"/>
        <location filename="../../wizard/ui/documents_page.py" line="148"/>
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="161"/>
        <source>Formaat {format}</source>
        <translation>Format {format}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="168"/>
        <source>Map openen</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="185"/>
        <source>Afdrukken:</source>
        <translation>Print:</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="189"/>
        <source>Exporteren als:</source>
        <translation>Export as:</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="165"/>
        <source>Afdrukvoorbeeld…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="166"/>
        <source>Afdrukken…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="167"/>
        <source>Exporteren naar map…</source>
        <translation>Export to folder…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="170"/>
        <source>Gesprek opslaan</source>
        <translation>Save conversation</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="171"/>
        <source>Verantwoording…</source>
        <translation>Justification…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="215"/>
        <source>De configuratie van ieder platform opslaan als YAML-bestand</source>
        <translation>Save the configuration of each platform as a YAML file</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="219"/>
        <source>De bronnen van iedere afspraak, voor de adviseur: als PDF en HTML opslaan en openen</source>
        <translation>The sources of every agreement, for the advisor: save and open as PDF and HTML</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="240"/>
        <source>Nog {errors} (zie het overzicht): de documenten krijgen het merkteken CONCEPT.</source>
        <translation>Still {errors} (see the overview): the documents are marked CONCEPT.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="244"/>
        <source>Nog niet alles is ingevuld of besproken (zie het overzicht): de documenten krijgen het merkteken CONCEPT.</source>
        <translation>Not everything has been filled in or discussed yet (see the overview): the documents are marked CONCEPT.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="250"/>
        <source>Geen fouten: de documenten zijn definitief.</source>
        <translation>No errors: the documents are final.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="310"/>
        <source>Exporteren</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="310"/>
        <source>Kies ten minste één formaat.</source>
        <translation>Choose at least one format.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="314"/>
        <source>Map voor de documenten</source>
        <translation>Folder for the documents</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="344"/>
        <source>Documenten maken</source>
        <translation>Making the documents</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="354"/>
        <location filename="../../wizard/ui/documents_page.py" line="400"/>
        <source>Exporteren is afgebroken.</source>
        <translation>Export was cancelled.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="357"/>
        <location filename="../../wizard/ui/documents_page.py" line="403"/>
        <source>Exporteren is mislukt: {error}</source>
        <translation>Export failed: {error}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="361"/>
        <source>Opgeslagen in {folder}: {names}</source>
        <translation>Saved in {folder}: {names}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="371"/>
        <source>Map voor de verantwoording</source>
        <translation>Folder for the justification</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="387"/>
        <source>Verantwoording maken</source>
        <translation>Make the justification</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="407"/>
        <source>Verantwoording opgeslagen in {folder}</source>
        <translation>Justification saved in {folder}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="213"/>
        <location filename="../../wizard/ui/documents_page.py" line="419"/>
        <source>Platformconfiguratie opslaan</source>
        <translation>Save platform configuration</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="133"/>
        <source>Voorbeeld: {document}</source>
        <translation>Preview: {document}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="141"/>
        <source>Voorbeelden van de documenten</source>
        <translation>Previews of the documents</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="153"/>
        <source>Afdrukken: {document}</source>
        <translation>Print: {document}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="169"/>
        <source>Configuratie opslaan…</source>
        <translation>Save configuration…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="421"/>
        <source>YAML-bestanden (*.yaml *.yml)</source>
        <translation>YAML files (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="435"/>
        <source>Platformconfiguratie opgeslagen: {file}</source>
        <translation>Platform configuration saved: {file}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="453"/>
        <source>Adviesgesprek</source>
        <translation>Adviesgesprek</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="466"/>
        <source>Afdrukvoorbeeld</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="481"/>
        <location filename="../../wizard/ui/documents_page.py" line="488"/>
        <location filename="../../wizard/ui/documents_page.py" line="510"/>
        <source>Afdrukken</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="488"/>
        <source>Kies ten minste één document.</source>
        <translation>Choose at least one document.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="511"/>
        <source>De pagina&apos;s worden gemaakt…</source>
        <translation>Making the pages…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="529"/>
        <source>Afdrukken is afgebroken.</source>
        <translation>Printing was cancelled.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="532"/>
        <source>Afdrukken is mislukt: {error}</source>
        <translation>Printing failed: {error}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="535"/>
        <source>De documenten zijn naar de printer gestuurd.</source>
        <translation>The documents were sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/documents_page.py" line="540"/>
        <source>Regelboek {version} van {date}. De bron van iedere afspraak staat in de verantwoording (knop Verantwoording…).</source>
        <translation>Rulebook {version} of {date}. The source of every agreement is in the justification (button Justification…).</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../wizard/ui/fields.py" line="56"/>
        <source>Deze tekst is erg lang ({count} tekens; verwacht hoogstens {limit}).</source>
        <translation>This text is very long ({count} characters; at most {limit} expected).</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/fields.py" line="65"/>
        <source>De tekst bevat opmaakcode (zoals &lt;b&gt;); die wordt letterlijk overgenomen, niet als opmaak.</source>
        <translation>The text contains markup (such as &lt;b&gt;); it is kept literally, not as formatting.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/fields.py" line="76"/>
        <source>De tekst bevat onzichtbare besturingstekens; haal die weg.</source>
        <translation>The text contains invisible control characters; please remove them.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/fields.py" line="89"/>
        <source>Fout</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/fields.py" line="90"/>
        <source>Let op</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/fields.py" line="91"/>
        <source>Ter info</source>
        <translation>For information</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/fields.py" line="92"/>
        <source>Nog in te vullen</source>
        <translation>Still to fill in</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/fields.py" line="452"/>
        <source>dd-mm-jjjj</source>
        <extracomment>the messages that are texts of the rulebook (quoted apart in another language) the label is a text of the rulebook, not the program&apos;s the messages under the field, made when there is a first one to show (most fields never have one)</extracomment>
        <translation>dd-mm-yyyy</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/fields.py" line="476"/>
        <source>Dit is geen datum; typ de datum als dd-mm-jjjj, bijvoorbeeld 23-02-2026.</source>
        <translation>This is not a date; type the date as dd-mm-yyyy, for example 23-02-2026.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/fields.py" line="538"/>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/fields.py" line="538"/>
        <source>Nee</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/fields.py" line="588"/>
        <source>{value} (onbekend)</source>
        <translation>{value} (unknown)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/fields.py" line="613"/>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="180"/>
        <source>&amp;Bestand</source>
        <extracomment>the rulebook is loaded and every page is built after a recovery: the scroll bar of the page and how far to scroll it, once it can the autosaves left behind, found at start (`files` takes them over)</extracomment>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="183"/>
        <source>&amp;Nieuw gesprek</source>
        <translation>&amp;New conversation</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="184"/>
        <source>&amp;Openen…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="185"/>
        <source>Op&amp;slaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="186"/>
        <source>Opslaan &amp;als…</source>
        <translation>Save &amp;as…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="187"/>
        <source>Afdruk&amp;voorbeeld…</source>
        <translation>Print pre&amp;view…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="188"/>
        <source>Af&amp;drukken…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="189"/>
        <source>&amp;Afsluiten</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="199"/>
        <source>&amp;Recente gesprekken</source>
        <translation>&amp;Recent conversations</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="203"/>
        <source>B&amp;ewerken</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="205"/>
        <source>&amp;Ongedaan maken</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="206"/>
        <source>O&amp;pnieuw</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="217"/>
        <source>&amp;Regelboek</source>
        <translation>&amp;Rulebook</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="218"/>
        <source>&amp;Vergelijken met ander regelboek…</source>
        <translation>&amp;Compare with another rulebook…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="223"/>
        <source>&amp;Ga naar</source>
        <translation>&amp;Go to</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="225"/>
        <source>Bee&amp;ld</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="226"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="227"/>
        <source>&amp;Handleiding en sneltoetsen</source>
        <translation>&amp;Manual and shortcuts</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="232"/>
        <source>&amp;Over Adviesgesprek</source>
        <translation>&amp;About Adviesgesprek</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="314"/>
        <source>&amp;Stappen</source>
        <translation>&amp;Steps</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="315"/>
        <source>&amp;Toelichting</source>
        <translation>&amp;Guidance</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="462"/>
        <source>Automatisch bewaren lukt niet: {message}</source>
        <translation>Autosave failed: {message}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="280"/>
        <source>Regelboek {version} van {date}.</source>
        <translation>Rulebook {version} of {date}.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/findings.py" line="36"/>
        <source>Nog niet ingevuld: {label}</source>
        <translation>Not filled in: {label}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="630"/>
        <source>Stap {step} van {count}: {title}</source>
        <translation>Step {step} of {count}: {title}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="637"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="606"/>
        <source>&lt;p&gt;Begin een nieuw gesprek of open een opgeslagen gesprek. Het programma leidt u daarna pagina voor pagina door het gesprek.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Start a new conversation or open a saved one. The program then leads you through the conversation page by page.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/files.py" line="144"/>
        <location filename="../../wizard/ui/main_window.py" line="595"/>
        <source>Nieuw gesprek</source>
        <extracomment>answers remembered between conversations (the settings&apos; keys) a conversation with more text than this is saved in the background (Ctrl+S does not wait) the page to show after a new, opened or recovered conversation a line for the status bar, and how long it stays (0: until the next) the conversation was saved under another rulebook (&quot;&quot; when not, or no longer) the autosaves left behind that can still be recovered a save is on disk (the `Save`)</extracomment>
        <translation>New conversation</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/files.py" line="146"/>
        <source>{file} (alleen-lezen)</source>
        <translation>{file} (read-only)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/files.py" line="155"/>
        <source>het gesprek met {name}</source>
        <translation>the conversation with {name}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/files.py" line="157"/>
        <source>het gesprek in {file}</source>
        <translation>the conversation in {file}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/files.py" line="160"/>
        <source>het nieuwe gesprek</source>
        <translation>the new conversation</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="596"/>
        <source>{name}[*] — Adviesgesprek</source>
        <translation>{name}[*] — Adviesgesprek</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/main_window.py" line="457"/>
        <source>Automatisch bewaard om {time}</source>
        <translation>Autosaved at {time}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/files.py" line="249"/>
        <source>Gesprek openen</source>
        <translation>Open conversation</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/files.py" line="251"/>
        <source>Adviesgesprekken (*{suffix});;Alle bestanden (*)</source>
        <translation>Conversations (*{suffix});;All files (*)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/files.py" line="265"/>
        <source>Openen lukt niet</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/files.py" line="277"/>
        <source>Gegevens niet overgenomen</source>
        <translation>Data not taken over</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/files.py" line="278"/>
        <source>Het bestand bevatte velden die op een wachtwoord of code lijken ({fields}). Die bewaart het programma niet; ze zijn weggelaten.</source>
        <translation>The file contained fields that look like a password or code ({fields}). The program does not store those; they were left out.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/files.py" line="302"/>
        <source>Opnieuw laden lukt niet</source>
        <translation>Reloading failed</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/files.py" line="310"/>
        <source>Opnieuw geladen: {file}</source>
        <translation>Reloaded: {file}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/files.py" line="332"/>
        <source>Gesprek opslaan</source>
        <translation>Save conversation</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/files.py" line="334"/>
        <source>Adviesgesprekken (*{suffix})</source>
        <translation>Conversations (*{suffix})</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/files.py" line="356"/>
        <location filename="../../wizard/ui/files.py" line="438"/>
        <source>Opslaan lukt niet</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/files.py" line="357"/>
        <source>{file} is alleen-lezen geopend, omdat het ook in een ander venster open is. Sla het gesprek op onder een andere naam.</source>
        <translation>{file} is open read-only, because it is also open in another window. Save the conversation under another name.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/files.py" line="410"/>
        <source>De antwoorden zijn gelijk.</source>
        <translation>The answers are the same.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/files.py" line="423"/>
        <source>Bezig met opslaan: {file}</source>
        <translation>Saving: {file}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/files.py" line="445"/>
        <source>Opgeslagen: {file}</source>
        <translation>Saved: {file}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/files.py" line="526"/>
        <location filename="../../wizard/ui/files.py" line="530"/>
        <source>{version} van {date}</source>
        <translation>{version} of {date}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/files.py" line="533"/>
        <source>Dit gesprek is bewaard met regelboek {old}; nu geldt regelboek {new}.</source>
        <translation>This conversation was saved under rulebook {old}; rulebook {new} applies now.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/files.py" line="537"/>
        <source>Bekijk wat verandert: Regelboek › Vergelijken met ander regelboek…</source>
        <translation>See what changes: Rulebook › Compare with another rulebook…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/files.py" line="487"/>
        <source>Herstellen lukt niet</source>
        <translation>Recovery failed</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/files.py" line="504"/>
        <source>Het gesprek is hersteld.</source>
        <translation>The conversation has been recovered.</translation>
    </message>
</context>
<context>
    <name>MinisterPage</name>
    <message>
        <location filename="../../wizard/ui/minister_page.py" line="20"/>
        <source>Bewindspersoon</source>
        <translation>Minister</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/minister_page.py" line="20"/>
        <source>Met wie voert u het gesprek, en wanneer?</source>
        <translation>With whom do you hold the conversation, and when?</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/minister_page.py" line="23"/>
        <source>De bewindspersoon</source>
        <translation>The minister</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/minister_page.py" line="25"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/minister_page.py" line="25"/>
        <source>voornaam en achternaam</source>
        <translation>first name and surname</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/minister_page.py" line="27"/>
        <source>(kies het ambt)</source>
        <translation>(choose the office)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/minister_page.py" line="30"/>
        <source>Ambt</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/minister_page.py" line="32"/>
        <source>(kies het ministerie)</source>
        <translation>(choose the ministry)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/minister_page.py" line="37"/>
        <source>Ministerie</source>
        <translation>Ministry</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/minister_page.py" line="45"/>
        <source>Portefeuille (als die niet het ministerie zelf is)</source>
        <translation>Portfolio (when it is not the ministry itself)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/minister_page.py" line="46"/>
        <source>bijvoorbeeld Klimaat en Groene Groei</source>
        <translation>for example Klimaat en Groene Groei</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/minister_page.py" line="50"/>
        <source>Partij</source>
        <translation>Party</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/minister_page.py" line="52"/>
        <source>Partijhashtag (alleen als die afwijkt)</source>
        <translation>Party hashtag (only when it differs)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/minister_page.py" line="55"/>
        <source>Datum van de beëdiging</source>
        <translation>Date of the swearing-in</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/minister_page.py" line="61"/>
        <source>Het gesprek</source>
        <translation>The conversation</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/minister_page.py" line="62"/>
        <source>Adviseur (uw naam)</source>
        <translation>Advisor (your name)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/minister_page.py" line="65"/>
        <source>Directeur Communicatie (tekent de afspraken)</source>
        <translation>Director of Communications (signs the agreement)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/minister_page.py" line="69"/>
        <source>Datum van het gesprek</source>
        <translation>Date of the conversation</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/minister_page.py" line="70"/>
        <source>Plaats</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/minister_page.py" line="73"/>
        <source>Het gesprek hoort bij een kabinetswissel</source>
        <translation>The conversation is part of a change of cabinet</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/minister_page.py" line="94"/>
        <source>In de documenten:</source>
        <translation>In the documents:</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/minister_page.py" line="96"/>
        <source>Partijhashtag: {tag}.</source>
        <translation>Party hashtag: {tag}.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/minister_page.py" line="112"/>
        <source>Het gesprek gaat over de accounts van de bewindspersoon. De uitgangspunten van de overheidscommunicatie:</source>
        <translation>The conversation is about the minister&apos;s accounts. The principles of government communication:</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../wizard/ui/overview_page.py" line="56"/>
        <source>Overzicht</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/overview_page.py" line="58"/>
        <source>Alle antwoorden op een rij. Met &apos;Wijzig&apos; gaat u naar de vraag en daarna weer terug naar dit overzicht.</source>
        <translation>All answers in a row. &apos;Change&apos; takes you to the question and then back to this overview.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/overview_page.py" line="69"/>
        <source>Bevindingen</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/overview_page.py" line="74"/>
        <source>Antwoorden</source>
        <translation>Answers</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/overview_page.py" line="134"/>
        <source>en</source>
        <translation>and</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/overview_page.py" line="136"/>
        <source>Er is {counts}.</source>
        <translation>There is {counts}.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/overview_page.py" line="136"/>
        <source>Er zijn {counts}.</source>
        <translation>There are {counts}.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/overview_page.py" line="141"/>
        <source>Zolang er fouten zijn of velden nog niet zijn ingevuld, krijgen de documenten het merkteken CONCEPT.</source>
        <translation>As long as there are errors or fields not filled in, the documents carry the mark CONCEPT (draft).</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/overview_page.py" line="146"/>
        <source>Geen fouten en geen waarschuwingen.</source>
        <translation>No errors and no warnings.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/overview_page.py" line="147"/>
        <source>Geen fouten; {warnings}.</source>
        <translation>No errors; {warnings}.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/overview_page.py" line="154"/>
        <source>Wijzig</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/overview_page.py" line="156"/>
        <source>Wijzig {label}: {value}</source>
        <translation>Change {label}: {value}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/overview_page.py" line="158"/>
        <source>Wijzig: {label}</source>
        <translation>Change: {label}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/overview_page.py" line="161"/>
        <source>Wijzig ({value}):</source>
        <translation>Change ({value}):</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/overview_page.py" line="240"/>
        <source>Controleer samen met de bewindspersoon de antwoorden. Los de fouten op voordat u de afspraken afdrukt.</source>
        <translation>Check the answers together with the minister. Resolve the errors before you print the agreement.</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <location filename="../../wizard/ui/fields.py" line="121"/>
        <source>Nog niet ingevuld</source>
        <translation>Not filled in</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/base.py" line="308"/>
        <source>(voorstel van het regelboek)</source>
        <extracomment>the page made or removed widgets after an answer (the tab order must follow them) session paths (and what lies under them) whose findings this page shows False for a page whose content scrolls itself (a text browser that fills the page): no scroll area around it, so that there is never a scroll area inside a scroll area the page&apos;s id in the wizard (set by the main window) the state of the advice this page last showed (see `view_key`) the page&apos;s scrolling widgets, found at the first to_top (again once widgets changed)</extracomment>
        <translation>(the rulebook&apos;s proposal)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/base.py" line="310"/>
        <source>Voorstel van het regelboek:</source>
        <translation>Rulebook&apos;s proposal:</translation>
    </message>
</context>
<context>
    <name>PlatformPage</name>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="55"/>
        <source>Gebruikt de bewindspersoon {platform}? Zo ja: welk account, welke handle en welk profiel.</source>
        <translation>Does the minister use {platform}? If so: which account, which handle and which profile.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="61"/>
        <source>{platform} gebruiken</source>
        <translation>Use {platform}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="67"/>
        <location filename="../../wizard/ui/platform_page.py" line="70"/>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="77"/>
        <source>Vorm</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="87"/>
        <source>Profiel</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="89"/>
        <source>Handle (zonder @)</source>
        <translation>Handle (without @)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="91"/>
        <source>Voorgestelde handle overnemen</source>
        <translation>Use the proposed handle</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="98"/>
        <source>Account van het ministerie op {platform}</source>
        <translation>The ministry&apos;s account on {platform}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="103"/>
        <source>Profielnaam</source>
        <translation>Profile name</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="106"/>
        <source>Link in het profiel</source>
        <translation>Link in the profile</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="124"/>
        <location filename="../../wizard/ui/platform_page.py" line="125"/>
        <source>Bio</source>
        <translation>Bio</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="130"/>
        <source>Concepttekst van het regelboek invullen</source>
        <translation>Fill in the rulebook&apos;s draft</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="156"/>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="157"/>
        <source>Profielfoto</source>
        <translation>Profile picture</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="158"/>
        <source>Verificatie</source>
        <translation>Verification</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="159"/>
        <source>Eigenaar</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="160"/>
        <source>Ambtelijke ondersteuning</source>
        <translation>Civil-service support</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="161"/>
        <source>Partijpolitieke berichten</source>
        <translation>Party-political posts</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="162"/>
        <source>Webcare</source>
        <translation>Webcare</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="163"/>
        <source>Naar de opvolger</source>
        <translation>To the successor</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="164"/>
        <source>Betaalde promotie</source>
        <translation>Paid promotion</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="187"/>
        <source>de handle</source>
        <translation>the handle</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="199"/>
        <source>de bio</source>
        <translation>the bio</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="215"/>
        <source>Vink &apos;{platform} gebruiken&apos; aan om dit platform in te richten.</source>
        <translation>Tick &apos;Use {platform}&apos; to set up this platform.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="241"/>
        <source>Voorgestelde handle overnemen: @{handle}</source>
        <translation>Use the proposed handle: @{handle}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="252"/>
        <source>(volgt uit de handle)</source>
        <translation>(follows from the handle)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="272"/>
        <source>{count} van {max} tekens ({label})</source>
        <translation>{count} of {max} characters ({label})</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="276"/>
        <source>— limiet niet bevestigd</source>
        <translation>— limit not confirmed</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="279"/>
        <source>{over} te veel</source>
        <translation>{over} too many</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="282"/>
        <source>{count} tekens</source>
        <translation>{count} characters</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="295"/>
        <source>Zolang de bio leeg is, geldt de concepttekst van het regelboek (grijs in het veld).</source>
        <translation>As long as the bio is empty, the rulebook&apos;s draft applies (grey in the field).</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="362"/>
        <source>Regels voor de handle</source>
        <translation>Rules for the handle</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="351"/>
        <source>niet bevestigd</source>
        <translation>not confirmed</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="221"/>
        <source>Volgens het advies:</source>
        <translation>As advised:</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="224"/>
        <source>Kies de vorm; het advies is:</source>
        <translation>Choose the form; the advice is:</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/platform_page.py" line="371"/>
        <source>Limieten</source>
        <translation>Limits</translation>
    </message>
</context>
<context>
    <name>PredecessorPage</name>
    <message>
        <location filename="../../wizard/ui/predecessor_page.py" line="130"/>
        <source>Account voorganger</source>
        <translation>Predecessor&apos;s account</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/predecessor_page.py" line="144"/>
        <source>De voorganger</source>
        <translation>The predecessor</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/predecessor_page.py" line="145"/>
        <source>Naam van de voorganger</source>
        <translation>Name of the predecessor</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/predecessor_page.py" line="50"/>
        <source>Account van de voorganger op {platform}</source>
        <translation>The predecessor&apos;s account on {platform}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/predecessor_page.py" line="51"/>
        <source>Handle van dat account op {platform} (zonder @)</source>
        <translation>Handle of that account on {platform} (without @)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/predecessor_page.py" line="54"/>
        <source>Naam van het archiefaccount op {platform}</source>
        <translation>Name of the archive account on {platform}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/predecessor_page.py" line="110"/>
        <source>Het ministerie hoeft met dit platform niets te doen.</source>
        <translation>The ministry has nothing to do on this platform.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/predecessor_page.py" line="99"/>
        <source>Aangenomen:</source>
        <translation>Assumed:</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/predecessor_page.py" line="115"/>
        <source>Wat er gebeurt:</source>
        <translation>What happens:</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/predecessor_page.py" line="132"/>
        <source>Welke accounts had de voorganger, wat gebeurt ermee, en wat later bij het vertrek van deze bewindspersoon?</source>
        <translation>Which accounts did the predecessor have, what happens to them, and what later at this minister&apos;s departure?</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/predecessor_page.py" line="138"/>
        <source>Er is een voorganger</source>
        <translation>There is a predecessor</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/predecessor_page.py" line="150"/>
        <source>Hoe de voorganger de accounts liet beheren</source>
        <translation>How the predecessor&apos;s accounts were managed</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/predecessor_page.py" line="166"/>
        <source>De accounts van de voorganger</source>
        <translation>The predecessor&apos;s accounts</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/predecessor_page.py" line="169"/>
        <source>Per platform: welk account had de voorganger? Wat het gesprek niet vastlegt, neemt het programma aan (zie de keuzelijst); de afspraken zeggen dat het een aanname is.</source>
        <translation>Per platform: which account did the predecessor have? What the conversation does not record, the program assumes (see the list); the agreement says it is an assumption.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/predecessor_page.py" line="184"/>
        <source>Bij vertrek van deze bewindspersoon</source>
        <translation>When this minister leaves</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/predecessor_page.py" line="188"/>
        <source>(nog niet afgesproken)</source>
        <translation>(not agreed yet)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/predecessor_page.py" line="192"/>
        <source>Het account</source>
        <translation>The account</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/predecessor_page.py" line="201"/>
        <source>Aantal weken dat webcare daarna nog vragen beantwoordt</source>
        <translation>Number of weeks webcare still answers questions afterwards</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/predecessor_page.py" line="209"/>
        <source>Tweestapsverificatie</source>
        <translation>Two-step verification</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/predecessor_page.py" line="228"/>
        <source>Wat u kunt afspreken:</source>
        <translation>What you can agree on:</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <location filename="../../wizard/ui/side_panel.py" line="50"/>
        <source>Toelichting</source>
        <extracomment>the text&apos;s &quot;Bron&quot; buttons were made anew (the tab order must follow them)</extracomment>
        <translation>Guidance</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/side_panel.py" line="59"/>
        <location filename="../../wizard/ui/side_panel.py" line="62"/>
        <source>Wat u kunt zeggen</source>
        <translation>What you can say</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/side_panel.py" line="65"/>
        <location filename="../../wizard/ui/side_panel.py" line="68"/>
        <source>Bevindingen op deze pagina</source>
        <translation>Findings on this page</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/side_panel.py" line="73"/>
        <source>Bron van de bevinding</source>
        <translation>Source of the finding</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/side_panel.py" line="75"/>
        <source>Bron van de gekozen bevinding</source>
        <translation>Source of the chosen finding</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/side_panel.py" line="76"/>
        <source>Waar de gekozen bevinding vandaan komt</source>
        <translation>Where the chosen finding comes from</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/side_panel.py" line="100"/>
        <source>Geen bevindingen.</source>
        <translation>No findings.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/side_panel.py" line="108"/>
        <source>Bevindingen op deze pagina ({count})</source>
        <translation>Findings on this page ({count})</translation>
    </message>
</context>
<context>
    <name>SituationPage</name>
    <message>
        <location filename="../../wizard/ui/situation_page.py" line="19"/>
        <source>Huidige situatie</source>
        <translation>Current situation</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/situation_page.py" line="21"/>
        <source>Welke accounts heeft de bewindspersoon nu, en welke accounts van het ambt bestaan al?</source>
        <translation>Which accounts does the minister have now, and which accounts of the office already exist?</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/situation_page.py" line="25"/>
        <source>Accounts van het ambt</source>
        <translation>Accounts of the office</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/situation_page.py" line="33"/>
        <source>Eigen account op {platform}</source>
        <translation>Own account on {platform}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/situation_page.py" line="37"/>
        <source>Bestaande handle op {platform}</source>
        <translation>Existing handle on {platform}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/situation_page.py" line="38"/>
        <source>leeg als er geen account is</source>
        <translation>empty when there is no account</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/situation_page.py" line="45"/>
        <source>Aantal volgers op {platform}</source>
        <translation>Number of followers on {platform}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/situation_page.py" line="54"/>
        <source>Kies eerst het ambt op de pagina Bewindspersoon.</source>
        <translation>First choose the office on the Minister page.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/situation_page.py" line="57"/>
        <source>Het regelboek kent voor dit ambt geen bestaande accounts. Vraag na of het ministerie al een account voor dit ambt heeft.</source>
        <translation>The rulebook knows no existing accounts for this office. Ask whether the ministry already has an account for this office.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/situation_page.py" line="72"/>
        <source>Vraag naar de accounts die de bewindspersoon al heeft en naar het aantal volgers.</source>
        <translation>Ask about the accounts the minister already has and the number of followers.</translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <location filename="../../wizard/ui/sources.py" line="57"/>
        <source>uitspraak {number}</source>
        <translation>statement {number}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/sources.py" line="60"/>
        <source>Voor dit onderdeel noemt het regelboek geen bron.</source>
        <translation>The rulebook names no source for this item.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/sources.py" line="77"/>
        <location filename="../../wizard/ui/sources.py" line="201"/>
        <location filename="../../wizard/ui/sources.py" line="293"/>
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/sources.py" line="206"/>
        <source>Waar deze regel vandaan komt</source>
        <extracomment>called when the button gets the keyboard focus (a button over a link scrolls it in)</extracomment>
        <translation>Where this rule comes from</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/sources.py" line="229"/>
        <source>Bron bij {what}:</source>
        <translation>Source of {what}:</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/sources.py" line="231"/>
        <source>Bron bij:</source>
        <translation>Source of:</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/sources.py" line="296"/>
        <source>Waar dit vandaan komt:</source>
        <translation>Where this comes from:</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/sources.py" line="297"/>
        <source>Bronnen:</source>
        <translation>Sources:</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../wizard/ui/start_page.py" line="60"/>
        <source>Welkom bij het adviesgesprek</source>
        <translation>Welcome to the advisory conversation</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_page.py" line="63"/>
        <source>Begin een nieuw gesprek met een bewindspersoon, of ga verder met een opgeslagen gesprek.</source>
        <translation>Start a new conversation with a minister, or continue a saved conversation.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_page.py" line="69"/>
        <source>Niet opgeslagen gesprek gevonden</source>
        <translation>Unsaved conversation found</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_page.py" line="75"/>
        <source>Regelboek van het geopende gesprek</source>
        <translation>Rulebook of the opened conversation</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_page.py" line="83"/>
        <source>Vergelijken met ander regelboek…</source>
        <translation>Compare with another rulebook…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_page.py" line="91"/>
        <source>Nieuw gesprek beginnen</source>
        <translation>Start a new conversation</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_page.py" line="94"/>
        <source>Gesprek openen…</source>
        <translation>Open a conversation…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_page.py" line="102"/>
        <location filename="../../wizard/ui/start_page.py" line="106"/>
        <source>Recente gesprekken</source>
        <translation>Recent conversations</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_page.py" line="112"/>
        <source>Uit de lijst halen</source>
        <translation>Remove from the list</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_page.py" line="114"/>
        <source>Gekozen gesprek uit de lijst halen</source>
        <translation>Remove the selected conversation from the list</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_page.py" line="117"/>
        <location filename="../../wizard/ui/start_page.py" line="136"/>
        <source>Het regelboek wordt geladen…</source>
        <translation>Loading the rulebook…</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_page.py" line="144"/>
        <source>Vergelijken met ander regelboek: {note}</source>
        <translation>Compare with another rulebook: {note}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_page.py" line="157"/>
        <source>{minister}, gesprek van {date}</source>
        <translation>{minister}, conversation of {date}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_page.py" line="181"/>
        <source>(niet gevonden)</source>
        <translation>(not found)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_page.py" line="183"/>
        <source>(geen toegang)</source>
        <translation>(no access)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_page.py" line="218"/>
        <source>(nog geen naam)</source>
        <translation>(no name yet)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_page.py" line="224"/>
        <source>Gesprek met {name}, automatisch bewaard op {when}.</source>
        <translation>Conversation with {name}, autosaved at {when}.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_page.py" line="225"/>
        <source>onbekend moment</source>
        <translation>unknown time</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_page.py" line="229"/>
        <source>Hoort bij het bestand {file}.</source>
        <translation>Belongs to the file {file}.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_page.py" line="231"/>
        <source>Het gesprek was nog nooit opgeslagen.</source>
        <translation>The conversation had never been saved.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_page.py" line="237"/>
        <source>Herstellen</source>
        <translation>Recover</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_page.py" line="239"/>
        <source>Herstellen: gesprek met {name}</source>
        <translation>Recover: conversation with {name}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_page.py" line="241"/>
        <source>Weggooien</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/start_page.py" line="243"/>
        <source>Weggooien: gesprek met {name}</source>
        <translation>Discard: conversation with {name}</translation>
    </message>
</context>
<context>
    <name>StepList</name>
    <message>
        <location filename="../../wizard/ui/side_panel.py" line="149"/>
        <source>Stappen</source>
        <translation>Steps</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/side_panel.py" line="157"/>
        <source>Stappen van het gesprek</source>
        <translation>Steps of the conversation</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/side_panel.py" line="181"/>
        <source>Stap {number} van {total}: {title}, {state}</source>
        <translation>Step {number} of {total}: {title}, {state}</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/side_panel.py" line="202"/>
        <source>fouten</source>
        <translation>errors</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/side_panel.py" line="203"/>
        <source>let op</source>
        <translation>warning</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/side_panel.py" line="204"/>
        <source>nog in te vullen</source>
        <translation>still to fill in</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/side_panel.py" line="205"/>
        <source>klaar</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/side_panel.py" line="206"/>
        <source>nog niet bezocht</source>
        <translation>not visited yet</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../wizard/ui/texts.py" line="34"/>
        <source>Nederlandse tekst uit het regelboek</source>
        <translation>Dutch text from the rulebook</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/texts.py" line="126"/>
        <source>{count} fout</source>
        <translation>{count} error</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/texts.py" line="126"/>
        <source>{count} fouten</source>
        <translation>{count} errors</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/texts.py" line="132"/>
        <source>{count} waarschuwing</source>
        <translation>{count} warning</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/texts.py" line="133"/>
        <source>{count} waarschuwingen</source>
        <translation>{count} warnings</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/texts.py" line="140"/>
        <source>{count} veld nog in te vullen</source>
        <translation>{count} field still to fill in</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/texts.py" line="141"/>
        <source>{count} velden nog in te vullen</source>
        <translation>{count} fields still to fill in</translation>
    </message>
</context>
<context>
    <name>WebcarePage</name>
    <message>
        <location filename="../../wizard/ui/webcare_page.py" line="21"/>
        <source>Webcare en toegang</source>
        <translation>Webcare and access</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/webcare_page.py" line="22"/>
        <source>Wie beantwoordt vragen en reacties, en wie heeft toegang tot de accounts?</source>
        <translation>Who answers questions and reactions, and who has access to the accounts?</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/webcare_page.py" line="24"/>
        <source>Webcare</source>
        <translation>Webcare</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/webcare_page.py" line="29"/>
        <source>Piketdienst buiten kantoortijden (avond en weekend)</source>
        <translation>On call outside office hours (evenings and weekends)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/webcare_page.py" line="33"/>
        <source>Proactieve webcare (zelf het gesprek aangaan)</source>
        <translation>Proactive webcare (starting conversations)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/webcare_page.py" line="42"/>
        <source>Toegang</source>
        <translation>Access</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/webcare_page.py" line="46"/>
        <source>De bewindspersoon krijgt zelf toegang tot het account</source>
        <translation>The minister gets access to the account</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/webcare_page.py" line="53"/>
        <source>Wie heeft verder toegang (functies of namen)</source>
        <translation>Who else has access (roles or names)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/webcare_page.py" line="54"/>
        <source>bijvoorbeeld: webcareteam directie Communicatie</source>
        <translation>for example: webcare team of the communications directorate</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/webcare_page.py" line="61"/>
        <source>Afspraak over de overdracht van de authenticator (tweestapsverificatie)</source>
        <translation>Agreement on handing over the authenticator (two-step verification)</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/webcare_page.py" line="63"/>
        <source>bijvoorbeeld: de authenticator wordt op de dag van de beëdiging persoonlijk overgedragen door …</source>
        <translation>for example: the authenticator is handed over in person on the day of the swearing-in by …</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/webcare_page.py" line="72"/>
        <source>Vul hier nooit een wachtwoord, pincode of herstelcode in. Het programma vraagt en bewaart geen wachtwoorden; die worden persoonlijk overgedragen.</source>
        <translation>Never enter a password, PIN or recovery code here. The program does not ask for or store passwords; they are handed over in person.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/webcare_page.py" line="83"/>
        <source>Kantoortijden voor webcare:</source>
        <translation>Office hours for webcare:</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/webcare_page.py" line="90"/>
        <source>Zo wordt het per platform:</source>
        <translation>Per platform this becomes:</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/webcare_page.py" line="92"/>
        <source>Er is nog geen platform gekozen.</source>
        <translation>No platform has been chosen yet.</translation>
    </message>
    <message>
        <location filename="../../wizard/ui/webcare_page.py" line="96"/>
        <source>Wat u kunt afspreken:</source>
        <translation>What you can agree on:</translation>
    </message>
</context>
</TS>
