from build import R

DOCS = []

DOCS.append(dict(id="doc21", kind="case intake form", records=[
    R("ixcoy", "Tomás Ixcoy Tzoc", [], "subject"),
    R("ajanel", "Juana Ajanel Chitic", [], "third_party"),
    R("diego", "Diego Ixcoy Tzoc", [], "third_party"),
    R("xon", "Petrona Xon", [], "third_party"),
    R("estrada", "Ramiro Estrada", [], "informer"),
    R("chacal", "Chacal", [], "staff"),
    R("us", "Cristóbal Us", [], "beneficiary"),
], text="""
CASE INTAKE FORM
Documentation centre, office Santa Cruz del Quiché
Case code: QUI-1998-0341 | Interview: 14 March 1998 | Team 3

Victim: {{Tomás Ixcoy Tzoc|ixcoy}}
Born: {{1948|ixcoy|dob}}, aldea Chipuac (34 years old at the time of the events)
Cédula de vecindad: {{K-14, registro 22,915|ixcoy|id}}
Violation: forced disappearance, 19 August 1982

Declarant: {{Juana Ajanel Chitic|ajanel}}, wife of the victim, aldea Chipuac, cantón 3

Account (summary by the interviewer; interview in K'iche' with interpretation):
On 19 August 1982 soldiers and members of the civil patrol entered the aldea. The military commissioner {{Ramiro Estrada|estrada}} pointed out the houses. {{Tomás|ixcoy}} was taken from the maize field together with his brother {{Diego|diego}}. The declarant saw them tied up in the school yard. An officer whom the soldiers called "{{Chacal|chacal}}" questioned them about the guerrilla. {{Diego|diego}} was released two days later, beaten; {{Tomás|ixcoy}} was never seen again.

In 1983 the head of the civil patrol, {{Cristóbal Us|us}}, took the family's two cuerdas of land by the road and planted coffee on it; {{Us|us}} still holds the land. The declarant says that don {{Ramiro|estrada}} received two of the family's cows.

Witnesses named: {{Diego Ixcoy Tzoc|diego}} (brother, alive, same aldea); {{Petrona Xon|xon}}, neighbour.
Documents: none; the soldiers took the victim's cédula.
"""))

DOCS.append(dict(id="doc22", kind="OCR typescript (opening report)", records=[
    R("mueller", "Helmut Müller", ["Müller, Helmut"], "subject", "1950-01-15"),
    R("schneider", "Ute Schneider", [], "third_party"),
    R("kschneider", "Klaus Schneider", [], "third_party"),
    R("bergmann", "Stefan Bergmann", [], "public_figure"),
    R("feder", "Feder", [], "informer", None, None, "Feder"),
    R("lotte", "Lotte", [], "informer", None, None, "Lotte"),
    R("lehmann", "Gerd Lehmann", [], "staff"),
    R("brunner", "Kurt Brunner", [], "staff"),
], text="""
[OCR of a typed English translation prepared in 1993 for rehabilitation proceedings; uncorrected. File AOP 4417/86, pp. 12-13]

Main Department XX/7                                          Berlin, 04.O3.1985
Ref.: XX/7-0219/85

0PENING REP0RT on the operative case "Tinte"

1. The person
{{Muller|mueller}}, {{Helrnut|mueller}}, b. {{15.0l.1950|mueller|dob}} in Plauen, freelance author, residing at {{Berlin-Prenzlauer Berg, Dunckerstr. 2l, side wing, 3rd floor|mueller|addr}}, PKZ {{150l50 4 2139 6|mueller|id}}.

2. Reasons
Since 1983 {{M?ller|mueller}} has circulated texts in which the policy of the party is de-
famed. According to IMS "{{Feder|feder}}", in October 1984 he gave a reading in the flat of {{Ute Schnei-
der|schneider}}, attended by about 30 persons, among them the writer {{Stefan Bergrnann|bergmann}}, who is known to have contacts with West Berlin publishers. {{Bergrnann|bergmann}} promised {{Mül-
ler|mueller}} to pass his manuscript to a publishing house in West Berlin.

3. Aims
- to prove the offence under § 220 StGB (public vilification) against {{Muller|mueller}};
- to clarify the role of {{Schneider|schneider}} and of her brother {{Klaus Schneider|kschneider}}, a printer at the "Neues Deutschland" printing works;
- to deploy IMS "{{Feder|feder}}" and IMB "{{Lotte|lotte}}" in the circle around {{Helmut Müller|mueller}}.

Hptm. {{Lehrnann|lehmann}}
Head of Department: Col. {{Brunner|brunner}}
"""))

DOCS.append(dict(id="doc23", kind="internment decision", records=[
    R("gorska", "Elżbieta Górska", ["Górska, Elżbieta"], "subject", "1950-05-12"),
    R("gorski", "Tomasz Górski", [], "third_party"),
    R("kot", "Adam Kot", [], "third_party"),
    R("roza", "Róża", [], "informer", None, None, "Róża"),
    R("rejman", "Zdzisław Rejman", [], "staff"),
    R("flis", "Wiesław Flis", [], "staff"),
], text="""
DECISION ON INTERNMENT No. 214/81
[original heading: "Decyzja o internowaniu {{Elżbiety Górskiej|gorska}}"]

Lublin, 13 December 1981

On the basis of Art. 42 of the Decree of 12 December 1981 on the protection of the security of the state and public order, I order the internment of
{{Górska Elżbieta|gorska}}, born {{12.05.1950|gorska|dob}} in Puławy, residing in Lublin, {{ul. Narutowicza 17 m. 5|gorska|addr}}, identity card {{ZL 5120388|gorska|id}},
at the internment centre in Gołdap.

Justification: The above-named, a librarian at the university and member of the regional board of NSZZ "Solidarność", has organised protest actions, and her remaining at liberty would threaten the security of the state. According to TW "{{Róża|roza}}", {{Górska|gorska}} keeps printing ink and paper in the garage of her brother {{Adam Kot|kot}}, {{ul. Kunickiego 52|kot|addr}}.

An appeal may be lodged with the Minister of Internal Affairs; it does not suspend execution.

Provincial Commandant of the Citizens' Militia in Lublin
Colonel {{Zdzisław Rejman|rejman}}

Delivery note: delivered at 02:40 on 13.12.1981. The interned person refused to sign. Delivered by: Staff Sergeant {{W. Flis|flis}}. Witness: {{Tomasz Górski|gorski}} (husband).

[Handwritten: "{{Górskiego|gorski}} nie zatrzymywać - dzieci" (do not detain {{Górski|gorski}} - children); "{{Kota|kot}} - rewizja garażu" (search {{Kot|kot}}'s garage).]
"""))

DOCS.append(dict(id="doc24", kind="surveillance log", records=[
    R("belousov", "Viktor Semyonovich Belousov", ["V. S. Belousov"], "subject", "1940-03-22"),
    R("goldberg", "Semyon Markovich Goldberg", ["Semyon Goldberg"], "third_party"),
    R("lindqvist", "Per Lindqvist", [], "third_party"),
    R("belousova", "Nina Pavlovna Belousova", [], "third_party"),
    R("lyuba", "Lyubov Pavlovna Shcherbakova", [], "third_party"),
    R("dergachev", "Anatoly Dergachev", [], "staff"),
], text="""
KGB of the USSR, 7th Directorate
SUMMARY OF SURVEILLANCE AND TECHNICAL MEASURES
Object "{{Bolt|belousov}}" - {{Belousov V. S.|belousov}}
Date: 22.IX.1977                                   Ref. 7/2-3309

08:50  "{{Bolt|belousov}}" left his home ({{ul. Vavilova 48, kv. 112|belousov|addr}}) and went by metro to the Kievsky railway station.
09:40  In the station hall he met an unknown man, who received the nickname "{{Shlyapa|goldberg}}" (hat). They talked for about ten minutes.
11:15  "{{Bolt|belousov}}" and "{{Shlyapa|goldberg}}" entered the block for foreigners on Kutuzovsky prospekt; they were let in by the Swedish correspondent {{P. Lindqvist|lindqvist}}.
13:30  Both left the building. "{{Shlyapa|goldberg}}" was followed to his home and identified as {{Gol'dberg Semyon Markovich|goldberg}}, b. {{1931|goldberg|dob}}, {{ul. Usacheva 11, kv. 54|goldberg|addr}}.
19:20  (telephone) "{{Bolt|belousov}}" called from home the number {{229-14-06|lindqvist|phone}} (flat of {{Lindqvist|lindqvist}}) and said in English: "The parcel has left."
21:05  (telephone) His wife, {{Belousova N. P.|belousova}}, called her sister {{Lyuba|lyuba}} and said that "{{Vitya|belousov}} is with his foreigners again".

Conclusions: the contact of {{Belousov|belousov}} with {{Lindqvist|lindqvist}} is stable. It is proposed to document the handing over of materials and to hold a conversation with {{Goldberg|goldberg}} at his place of work.

Head of the 2nd Department, Colonel {{Dergachev|dergachev}}
"""))

DOCS.append(dict(id="doc25", kind="rehabilitation decision", records=[
    R("simek", "Ladislav Šimek", ["Šimek, Ladislav"], "subject", "1912-11-04", "1952-03-02"),
    R("simek_jr", "Ladislav Šimek", ["Ladislav Šimek ml."], "third_party"),
    R("simkova", "Anna Šimková", [], "third_party", None, "1979-08-20"),
    R("broz", "Antonín Brož", [], "staff"),
    R("orel", "Orel", [], "informer", None, None, "Orel"),
    R("havlicek", "Bohumil Havlíček", [], "third_party"),
], text="""
REGIONAL COURT IN PRAGUE
Ref. Rt 311/90

DECISION

The Regional Court in Prague decided in chambers on 26 June 1990 in the matter of the judicial rehabilitation of
{{Ladislav Šimek|simek}}, born {{4. 11. 1912|simek|dob}}, last residing at {{Praha 6, Na Petřinách 31|simek|addr}}, deceased,
as follows:

The judgment of the State Court in Prague of 18 October 1950, ref. Or I 114/50, by which {{Ladislav Šimek|simek}} was sentenced for high treason to 18 years of imprisonment, is annulled in its entirety, together with all decisions connected with it.

Reasons:
The proceedings were opened on the application of the son of the convicted man, Ing. {{Ladislav Šimek|simek_jr}}, born {{1938|simek_jr|dob}}, residing at {{Praha 4, Jeseniova 7|simek_jr|addr}}. The indictment of 1950 was headed "Obžaloba proti {{Ladislavu Šimkovi|simek}} a spol.".

The court found that the conviction rested on a confession obtained by the StB interrogator {{Antonín Brož|broz}} through weeks of sleep deprivation, and on reports of the agent "{{Orel|orel}}" that were never verified. The co-accused {{Bohumil Havlíček|havlicek}} stated in 1968 that {{Brož|broz}} had dictated the confessions to both of them.

{{Šimek|simek}} died on 2 March 1952 in the Jáchymov camps; his widow {{Anna Šimková|simkova}} died in 1979.

This decision is final.
"""))

DOCS.append(dict(id="doc26", kind="typed list of persons (deportation)", records=[
    R("phutsal", "Paraskeviya Ivanivna Hutsal", ["Paraskeviya Hutsal"], "subject"),
    R("mhutsal", "Mariya Stepanivna Hutsal", [], "subject"),
    R("vhutsal", "Vasyl Stepanovych Hutsal", [], "subject"),
    R("mykhailo", "Mykhailo Stepanovych Hutsal", [], "third_party"),
    R("lys", "Lys", [], "informer", None, None, "Lys"),
    R("kryvenko", "Oleksiy Kryvenko", [], "beneficiary"),
    R("zaitsev", "Pyotr Zaitsev", [], "staff"),
    R("hordiyenko", "Ivan Hordiyenko", [], "staff"),
], text="""
SECRET
LIST
of family members of active participants of the OUN-UPA subject to deportation
Kremenets district, Ternopil region, village of Bilokrynytsia
Compiled 19 October 1947

No. | Surname, name, patronymic | Relation | Year of birth | Address
1 | {{Hutsal Paraskeviya Ivanivna|phutsal}} | mother | {{1896|phutsal|dob}} | {{Bilokrynytsia, house 41|phutsal|addr}}
2 | {{Hutsal Mariya Stepanivna|mhutsal}} | daughter | {{1926|mhutsal|dob}} | same
3 | {{Hutsal Vasyl Stepanovych|vhutsal}} | son | {{1933|vhutsal|dob}} | same

Grounds: the son {{Hutsal Mykhailo Stepanovych|mykhailo}}, b. {{1923|mykhailo|dob}}, pseudonym "{{Yastrub|mykhailo}}", has been in an UPA detachment in the Kremenets forests since 1944 (information of agent "{{Lys|lys}}"). In the Russian-language order the mother appears as "{{Gutsal Praskovya Ivanovna|phutsal}}".

The house and livestock of the family (1 cow, 2 pigs) are to be handed over to the collective farm "Shlyakh Lenina"; the house is assigned to the family of the brigadier {{Oleksiy Kryvenko|kryvenko}}.

Compiled by: operative officer of the Kremenets District MGB Department, Lieutenant {{Zaitsev|zaitsev}}
Approved: head of the district department, Major {{Hordiyenko|hordiyenko}}

Note: {{Mariya|mhutsal}} is pregnant; the escort is to be informed.
"""))

DOCS.append(dict(id="doc27", kind="information report (personal data)", records=[
    R("weissgerber", "Katrin Weißgerber", ["Weißgerber, Katrin"], "subject", "1962-08-03"),
    R("frank", "Frank Weißgerber", [], "third_party", "1960-04-11"),
    R("glindner", "Gerhard Lindner", [], "third_party"),
    R("elindner", "Elfriede Lindner", [], "third_party"),
    R("kranz", "Ilse Kranz", [], "third_party"),
    R("klavier", "Klavier", [], "informer", None, None, "Klavier"),
    R("schubert", "Jörg Schubert", [], "staff"),
], text="""
Ministry for State Security
District Service Unit Halle, Dept. XX/4                               Halle, 17.11.1987

INFORMATION REPORT
on {{Weißgerber|weissgerber}}, {{Katrin|weissgerber}}

1. Personal data
Birth name: {{Lindner|weissgerber}}
Date of birth: {{03.08.1962|weissgerber|dob}} in Merseburg
PKZ: {{030862 5 1056 2|weissgerber|id}}
Identity card: {{A 2719934|weissgerber|id}}
Address: {{Halle-Neustadt, Block 322, apt. 1205|weissgerber|addr}}
Telephone: none
Occupation: laboratory assistant, VEB Leuna-Werke; without employment since 1985
Marital status: divorced (former husband {{Frank Weissgerber|frank}}, b. {{11.04.1960|frank|dob}}, ensign of the NVA)
Parents: {{Gerhard Lindner|glindner}}, retired teacher, and {{Elfriede Lindner|elindner}}, both {{Merseburg, Thälmannplatz 4|glindner|addr}}

2. Political attitude
Mrs {{Weißgerber|weissgerber}} submitted applications for permanent exit to the FRG on 02.03.1986, 11.09.1986 and 14.05.1987. She is in contact with the church group "Women for Peace" and with Dr. {{Ilse Kranz|kranz}} of the Marktkirche parish. According to IMS "{{Klavier|klavier}}", {{Weissgerber|weissgerber}} said in September 1987 that she would "go to the Western press" if her application was refused again.

3. Proposal
Continue control in the operative person check "Labor"; examine a ban on her travel to Berlin.

Compiled by: Ltn. {{Schubert|schubert}}
"""))

DOCS.append(dict(id="doc28", kind="informer report", records=[
    R("mazur", "Wojciech Mazur", [], "subject", "1948-11-25"),
    R("wanda", "Wanda Mazur", [], "third_party"),
    R("jacek", "Jacek Wróblewski", [], "third_party"),
    R("zajac", "Henryk Zając", [], "third_party"),
    R("kos", "Bogdan Kubiak", [], "informer", "1941-06-14", None, "Kos"),
    R("sikora", "Roman Sikora", [], "staff"),
], text="""
Radom, 2 December 1977
Source: TW "{{Kos|kos}}"
Received by: Captain {{R. Sikora|sikora}}
Meeting place: contact flat "Stokrotka"
[original heading: "Informacja dot. {{Wojciecha Mazura|mazur}}"]

INFORMATION

On 27 November I was at the name-day party of {{Wojtek Mazur|mazur}} in his flat at {{Osiedle Ustronie, block 12, flat 30|mazur|addr}}. About twelve persons were present, among them his wife {{Wanda|wanda}}, two workers from the "Walter" works who were dismissed after June 1976, and a man from Warsaw called {{Jacek|jacek}}, about 30, tall, with a beard, who brought copies of the "Biuletyn Informacyjny".

{{Mazur|mazur}} collected money for the families of the dismissed workers; I gave 100 zlotys. He said that the priest {{Zając|zajac}} from St. Joseph's parish lets them meet in the parish house. {{Jacek|jacek}} said the next issue would include the names of the workers beaten at the police station.

{{Kos|kos}}

Officer's assessment: the information is reliable and is confirmed by the tapping of telephone {{438-27|mazur|phone}}.
Tasks for the TW: to win the confidence of {{Wanda Mazur|wanda}}; to establish the surname of "{{Jacek|jacek}}" (probably {{Jacek Wróblewski|jacek}}, KOR Warsaw).
Measures: to discuss the activity of Fr. {{H. Zając|zajac}} with the Department for Religious Affairs.
{{R. Sikora|sikora}}

[Archive note: TW "{{Kos|kos}}" - {{Bogdan Kubiak|kos}}, b. {{14.06.1941|kos|dob}}.]
"""))

DOCS.append(dict(id="doc29", kind="prison register", records=[
    R("bianchi", "Jorge Omar Bianchi", ["Jorge Bianchi"], "subject", "1951-10-03"),
    R("salinas", "Rubén Darío Salinas", [], "third_party", "1949-07-22", "1996-04-09"),
    R("echeverria", "Hugo Echeverría", [], "third_party"),
    R("amelia", "Amelia Rossi de Bianchi", [], "third_party"),
    R("lobo", "Lobo", [], "staff"),
], text="""
BUENOS AIRES PROVINCE PENITENTIARY SERVICE - UNIT 9, LA PLATA
Register of internees at the disposal of the National Executive Power (PEN), extract
[copy provided to the documentation centre, ref. DC-UP9-117]

Entry | Internee No. | Name | Born | Pavilion/cell | Decree
12.04.1977 | {{2178|bianchi|id}} | {{BIANCHI|bianchi}}, {{Jorge Omar|bianchi}} | {{03.10.1951|bianchi|dob}} | 1/14 | 1092/77
12.04.1977 | {{2179|salinas|id}} | {{SALINAS|salinas}}, {{Rubén Darío|salinas}} | {{22.07.1949|salinas|dob}} | 1/15 | 1092/77
13.04.1977 | {{2183|echeverria|id}} | {{ECHEVERRÍA|echeverria}}, {{Hugo|echeverria}} | {{1955|echeverria|dob}} | 2/4 | 1113/77

Observations:
{{2178|bianchi|id}} - visits only by his mother, {{Amelia Rossi de Bianchi|amelia}}, DNI {{1.987.445|amelia|id}}. Five days in the punishment cells for singing the national anthem on 25 May. Interview with an officer of Battalion 601 ("{{Lobo|lobo}}") on 02.05.1977.
{{2179|salinas|id}} - released under supervised liberty on 14.08.1980; declared address: {{calle 47 No. 1120, La Plata|salinas|addr}}.
{{2183|echeverria|id}} - transferred to Unit 6, Rawson, in 1978.

Note of the documentation centre: {{Jorge Bianchi|bianchi}} - "{{Tano|bianchi}}" to his fellow prisoners - was released in 1982 and testified before the commission in 1984. {{Salinas|salinas}} died in 1996.
"""))

DOCS.append(dict(id="doc30", kind="memorandum", records=[
    R("terentyev", "Pavel Grigoryevich Terentyev", ["P. G. Terentyev"], "subject", "1914-07-19"),
    R("shapiro", "Inna Borisovna Shapiro", [], "third_party"),
    R("aubry", "Michel Aubry", [], "third_party"),
    R("lisitsyn", "Vladimir Lisitsyn", [], "public_figure"),
    R("ugol", "Ugol", [], "informer", None, None, "Ugol"),
    R("yermolin", "Aleksandr Yermolin", [], "staff"),
], text="""
SPECIAL FILE
Secret
Committee for State Security under the Council of Ministers of the USSR
14 May 1973, No. 1198-Ya/ov

To the Central Committee of the CPSU

On the intentions of the writer {{Terentyev P. G.|terentyev}}

1. The KGB has received information that the writer {{Pavel Grigoryevich Terentyev|terentyev}}, a member of the Union of Writers since 1952, intends to send the manuscript of his novel "Winter Quarters" to a publisher in Paris.

2. The manuscript, about 600 typed pages, was retyped in four copies by {{Inna Borisovna Shapiro|shapiro}}, born {{1940|shapiro|dob}}, a translator residing at {{Moscow, ul. Usievicha 8, kv. 41|shapiro|addr}}. One copy is kept at {{Terentyev|terentyev}}'s dacha in Peredelkino.

3. According to a trusted source ("{{Ugol|ugol}}"), {{Terentyev|terentyev}} told friends that he is not afraid of expulsion. His circle repeats the phrase "bez {{Terentyeva|terentyev}} Soyuz - nichto" (without {{Terentyev|terentyev}} the Union is nothing).

4. The manuscript is to be taken abroad by the French Slavist {{Michel Aubry|aubry}}, who visited {{Terentyev|terentyev}} on 2 and 9 May.

5. The KGB considers it expedient:
a) to hold a conversation with {{P. G. Terentyev|terentyev}} at the Union of Writers with the participation of Comrade {{V. A. Lisitsyn|lisitsyn}}, Secretary of the CC;
b) to seize the copies kept by {{Shapiro|shapiro}};
c) to refuse {{Aubry|aubry}} a further entry visa.

Reported for your information.
Deputy Chairman of the KGB
{{A. Yermolin|yermolin}}
"""))
