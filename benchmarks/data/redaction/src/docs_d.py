from build import R

DOCS = []

DOCS.append(dict(id="doc31", kind="informer report", records=[
    R("balaz", "Ján Baláž", ["Baláž, Ján"], "subject", "1961-05-27"),
    R("pbalaz", "Peter Baláž", [], "third_party"),
    R("kovacova", "Mária Kováčová", [], "third_party"),
    R("karol", "Štefan Hudák", [], "informer", "1958-09-02", None, "Karol"),
    R("varga", "Milan Varga", [], "staff"),
], text="""
Regional Administration of the StB Bratislava, Dept. X/2
AGENT REPORT
Agent: "{{Karol|karol}}"
Received by: Captain {{Varga|varga}}, 19 March 1986, meeting flat "Dunaj"

On 15 March, after the evening mass in the Blumentál church, the agent met {{Ján Baláž|balaz}}, whom the department keeps under the name "{{Misionár|balaz}}". {{Ján|balaz}} invited him to a "bible circle" in the flat of {{Mária Kováčová|kovacova}}, {{Záhradnícka 58|kovacova|addr}}, 4th floor.

About nine young people were present. {{Kováčová|kovacova}}, a former nun, read from the Acts of the Apostles, and "{{Misionár|balaz}}" distributed copies of a samizdat magazine. He said that the paper is brought from Brno by his brother {{Peter|pbalaz}}, who works as a driver for the state bus company.

{{Baláž|balaz}} asked the agent whether he could type at home. The agent agreed to take 20 stencils.

Officer's note: "{{Karol|karol}}" is reliable and was paid 300 Kčs. Measures, in the original Slovak: "zabezpečiť sledovanie {{Petra Baláža|pbalaz}}" (to arrange surveillance of {{Peter Baláž|pbalaz}}); obtain the stencils after typing; check the flat of {{Kovacova|kovacova}} for a duplicator.

{{Varga|varga}}

[Archive note: agent "{{Karol|karol}}" - {{Štefan Hudák|karol}}, b. {{2. 9. 1958|karol|dob}}.]
"""))

DOCS.append(dict(id="doc32", kind="hospital register and death record", records=[
    R("zaikin", "Aleksei Timofeyevich Zaikin", ["Aleksei Zaikin"], "subject", None, "1943-01-19"),
    R("brik", "Semyon Lazarevich Brik", [], "third_party"),
    R("kogan", "Moisei Isaakovich Kogan", [], "third_party"),
    R("vasyukov", "Fyodor Vasyukov", [], "third_party"),
    R("pyzhov", "Ivan Pyzhov", [], "staff"),
    R("tamara", "Tamara Alekseyevna Zaikina", [], "third_party", "1929-12-08"),
], text="""
SEVVOSTLAG NKVD - camp point "Bolshevik", hospital
REGISTER OF PATIENTS (extract), January 1943

No. 88 | {{Zaikin Aleksei Timofeyevich|zaikin}} | b. {{1903|zaikin|dob}} | prisoner No. {{Sh-41827|zaikin|id}} | art. 58-10, 10 years | admitted 04.01.1943 | alimentary dystrophy III, pellagra | died 19.01.1943
No. 89 | {{Brik Semyon Lazarevich|brik}} | b. {{1911|brik|dob}} | prisoner No. {{Sh-40213|brik|id}} | art. 58-7, 15 years | admitted 06.01.1943 | frostbite of both feet | discharged 30.01.1943

ACT No. 14
We, the undersigned, the hospital doctor, prisoner {{Kogan M. I.|kogan}}, the orderly {{Vasyukov|vasyukov}}, and the operative officer of the camp point, Junior Lieutenant of State Security {{Pyzhov|pyzhov}}, have drawn up this act to record that on 19 January 1943 at 04:20 the prisoner {{Zaikin A. T.|zaikin}} died in the hospital of heart failure caused by exhaustion. The body was buried in the camp cemetery, grave marker No. 12/43. Belongings: a padded jacket, a spoon, two letters. Gold teeth: none.
Signatures: {{Kogan|kogan}}, {{Vasyukov|vasyukov}}, {{Pyzhov|pyzhov}}

[Attached 1989: letter of the daughter, {{Tamara Alekseyevna Zaikina|tamara}}, {{Tula, ul. Sovetskaya 40, kv. 7|tamara|addr}}: "Mother always called him {{Alyosha|zaikin}}. She waited for him until her death. Please tell me where my father, {{Aleksei Zaikin|zaikin}}, is buried."]
"""))

DOCS.append(dict(id="doc33", kind="letter from a relative", records=[
    R("rosa", "Rosa Elvira Morales Cárcamo", [], "third_party"),
    R("hector", "Héctor Hernán Morales Cárcamo", ["Héctor Morales"], "subject", "1948-06-11"),
    R("pino", "Gladys Pino", [], "third_party"),
    R("cifuentes", "Osvaldo Cifuentes", [], "informer"),
    R("urrutia", "Jaime Urrutia Solís", [], "staff"),
    R("sepulveda", "Aurelio Sepúlveda Brandt", [], "public_figure"),
], text="""
Santiago, 3 February 1975

To the Minister of the Interior, General {{Aurelio Sepúlveda Brandt|sepulveda}}

Distinguished Minister:

I, {{Rosa Elvira Morales Cárcamo|rosa}}, identity card {{3.876.550-2|rosa|id}}, domiciled at {{Avenida Matta 1420, depto. 32|rosa|addr}}, Santiago, respectfully ask you for information on my brother {{Héctor Hernán Morales Cárcamo|hector}}, born {{11 June 1948|hector|dob}}, a mechanic, who was detained on 20 December 1974 at seven in the evening at the corner of Avenida Matta and San Diego by four men in civilian clothes, who took him away in a white Fiat 125 pick-up.

A neighbour, {{Gladys Pino|pino}}, recognised one of the men as {{Osvaldo Cifuentes|cifuentes}}, who lives on our street and who since September 1973 boasts that he "works with intelligence". Since the detention {{Cifuentes|cifuentes}} has been watching our house.

In January a released detainee told our mother that he had seen {{Héctor|hector}} in "Cuatro Álamos". He said that {{Tito|hector}}, as we call him at home, was very thin and had burns on his arms, and that the guards called their chief "don {{Jaime|urrutia}}".

The authorities have told us in writing that my brother has not been detained. I beg you, as a sister and as a Chilean, to order an investigation.

{{Rosa Morales C.|rosa}}

[Note of the documentation centre, 1992: "don {{Jaime|urrutia}}" has been identified as the DINA officer {{Jaime Urrutia Solís|urrutia}}.]
"""))

DOCS.append(dict(id="doc34", kind="interrogation protocol", records=[
    R("pfeiffer", "Andreas Pfeiffer", ["Pfeiffer, Andreas"], "subject", "1958-02-24"),
    R("rehberg", "Sven Rehberg", [], "third_party"),
    R("heinicke", "Petra Heinicke", [], "third_party"),
    R("kunze", "Wolfgang Kunze", [], "third_party"),
    R("kroll", "Dietmar Kroll", [], "staff"),
    R("kurt", "Kurt", [], "informer", None, None, "Kurt"),
], text="""
Ministry for State Security
Main Department IX/4                                           Berlin, 12.07.1979

INTERROGATION PROTOCOL OF THE ACCUSED
{{Pfeiffer|pfeiffer}}, {{Andreas|pfeiffer}}, b. {{24.02.1958|pfeiffer|dob}} in Eisenach, last residence {{Erfurt, Juri-Gagarin-Ring 88, apt. 32|pfeiffer|addr}}
Beginning: 09:05  End: 14:20
Interrogator: Ultn. {{Kroll|kroll}}

Question: Describe how you came into contact with the criminal people-smuggling organisation.
Answer: In the summer of 1978 at Lake Balaton in Hungary I met a man from West Berlin who called himself "{{Wolf|kunze}}". He promised to get me out through Bulgaria with a West German passport in return for 8,000 DM, which my aunt in Hanover was to pay.
Question: Who else knew about your plans?
Answer: Only my friend {{Sven Rehberg|rehberg}}. My girlfriend {{Petra|heinicke}} knew nothing.
Question: The investigation has evidence that {{Petra Heinicke|heinicke}} accompanied you to Friedrichstraße station on 28 June 1979.
Answer: She thought I was going to the Leipzig fair.
Question: Where did {{Rehberg|rehberg}} hide the passport?
Answer: I do not know that.

I have read the protocol; it corresponds to my statements. {{A. Pfeiffer|pfeiffer}}
{{Kroll|kroll}}, Unterleutnant

Note: according to the cell informer "{{Kurt|kurt}}", {{Pfeiffer|pfeiffer}} said in the cell that {{Heinicke|heinicke}} knew everything. The man "{{Wolf|kunze}}" has been identified by Dept. XXII as {{Wolfgang Kunze|kunze}}, West Berlin.
[Pencil: "{{Pfeifer|pfeiffer}} - confrontation with {{Rehberg|rehberg}}?"]
"""))

DOCS.append(dict(id="doc35", kind="OCR typescript (operational plan)", records=[
    R("wisniewski", "Jerzy Wiśniewski", ["Wiśniewski, Jerzy"], "subject", "1954-11-03"),
    R("dabrowska", "Małgorzata Dąbrowska", [], "third_party"),
    R("kaminski", "Tomasz Kamiński", [], "third_party"),
    R("rybak", "Rybak", [], "informer", None, None, "Rybak"),
    R("olszak", "Jacek Olszak", [], "staff"),
], text="""
[OCR text, uncorrected. Source: file 0046/1187, vol. 2, pp. 45-46]

Voivodeship Office of Internal Affairs in Gdansk
Department V                                              Gdansk, 1l April 1985
SECRET

PLAN 0F OPERATIONAL MEASURES
in the case code-named "Zatoka" concerning {{Jerzv Wisniewski|wisniewski}}

1. {{Wisniewski Jerzy|wisniewski}}, b. {{03.11.l954|wisniewski|dob}} in Elblag, res. {{Gdansk-Zaspa, ul. Pilotow 7 rn. l28|wisniewski|addr}}, ID card {{ZG 80l4553|wisniewski|id}}, is suspected of running an underground print shop that produces the bulletin "Solidarnosc Wybrzeza".
2. Information from TW "{{Rybak|rybak}}" indicates that the print-
ing equipment was moved in March to the flat of {{Malgorzata Dabrowska|dabrowska}}, a nurse, with the help of {{Tornasz Karninski|kaminski}}, formerly a printer at the "Glos Wybrzeza" works.
3. Measures:
a) to install room surveillance in the flat of {{Dabrow-
ska|dabrowska}};
b) TW "{{Rybak|rybak}}" to offer {{Wisniew-
ski|wisniewski}} a supply of paper in order to identify the distribution network;
c) to summon {{Kaminski|kaminski}} for a warning conversation;
d) to tap the home telephone of {{Wisniewski|wisniewski}}, {{4l-22-87|wisniewski|phone}}.
4. Deadline: 30.05.1985. Responsible: Captain {{J. 0lszak|olszak}}

[Handwritten in Polish on the margin: "pilne - sprawa {{Wiśniewskiego|wisniewski}} i {{Dąbrowskiej|dabrowska}}"]
"""))

DOCS.append(dict(id="doc36", kind="record of a prophylactic conversation", records=[
    R("tkachenko", "Oksana Mykhailivna Tkachenko", ["Oksana Tkachenko"], "subject", "1952-04-18"),
    R("mtkachenko", "Mykhailo Petrovych Tkachenko", [], "third_party"),
    R("lutsyk", "Borys Lutsyk", [], "third_party"),
    R("horobets", "Vasyl Horobets", [], "public_figure"),
    R("kashtan", "Kashtan", [], "informer", None, None, "Kashtan"),
    R("reshetnyak", "Valentin Reshetnyak", [], "staff"),
], text="""
RECORD
of a prophylactic conversation
KGB under the Council of Ministers of the Ukrainian SSR, 5th Directorate
Kiev, 16 February 1973, ref. 5/2-0319

On 15 February 1973 Captain {{Reshetnyak V. A.|reshetnyak}} held a prophylactic conversation on the premises of the KGB with {{Tkachenko Oksana Mykhailivna|tkachenko}} ({{Ткаченко Оксана Михайлівна|tkachenko}}; in the Russian-language card index: {{Tkachenko Oksana Mikhaylovna|tkachenko}}), born {{1952|tkachenko|dob}}, a fourth-year student of the philology faculty of Kiev University, living in student hostel No. 6, {{vul. Lomonosova 35, room 411|tkachenko|addr}}.

Grounds: according to the source "{{Kashtan|kashtan}}", {{Tkachenko|tkachenko}} gave fellow students a typescript of an essay by the writer {{V. Horobets|horobets}} on the language question and said that the lectures of docent {{Lutsyk|lutsyk}} were "the only honest ones at the faculty".

In the conversation {{Oksana|tkachenko}} admitted that she had received the typescript from an acquaintance, whose name she refused to give. She was warned about the consequences and promised to draw the right conclusions.

Conclusions: {{O. M. Tkachenko|tkachenko}} is to be kept under control through "{{Kashtan|kashtan}}". Her father, {{Mykhailo Petrovych Tkachenko|mtkachenko}}, a party member and director of a school in Cherkasy, is to be informed through the Cherkasy regional KGB. Materials on {{Horobets|horobets}} to be forwarded to the 1st Department.

Captain {{Reshetnyak|reshetnyak}}
"""))

DOCS.append(dict(id="doc37", kind="informer report", records=[
    R("ferreira", "Nelson Ferreira Pintos", [], "subject", "1941-02-06"),
    R("graciela", "Graciela Ríos", [], "third_party"),
    R("sosa", "Alberto Sosa", [], "third_party"),
    R("hugo", "Hugo Martínez Lema", [], "third_party"),
    R("gaviota", "Gaviota", [], "informer", None, None, "Gaviota"),
    R("acosta", "Walter Acosta", [], "staff"),
], text="""
NATIONAL DIRECTORATE OF INFORMATION AND INTELLIGENCE - Department 2
Montevideo, 9 August 1976
Report No. 1486

Source: "{{Gaviota|gaviota}}" (evaluation B-2)
Received by: Commissioner {{W. Acosta|acosta}}
Subject: meeting of former members of the teachers' union

1. On 6 August at 19:00 about eight persons met in the house of {{Nelson Ferreira Pintos|ferreira}}, alias "{{Pocho|ferreira}}", C.I. {{1.402.776|ferreira|id}}, at {{Juan Paullier 2141|ferreira|addr}}, Parque Rodó.
2. Present, among others: his wife {{Graciela Ríos|graciela}}, and {{Alberto Sosa|sosa}}, a teacher dismissed from Liceo No. 14.
3. {{Ferreira|ferreira}} read out a letter from Buenos Aires signed "{{Hugo|hugo}}", whom the source believes to be {{Hugo Martínez Lema|hugo}}, a former union leader sought since 1973.
4. {{Sosa|sosa}} proposed collecting money for the families of prisoners held in the Penal de Libertad.
5. The source states that {{Graciela|graciela}} works as a secretary in a law office; the house has a telephone, {{40 18 52|ferreira|phone}}.

Evaluation: {{Ferreira Pintos|ferreira}} is to be summoned. A search of the house on Juan Paullier street is proposed.

Commissioner {{Walter Acosta|acosta}}

[Archive note: the source "{{Gaviota|gaviota}}" has not been identified.]
"""))

DOCS.append(dict(id="doc38", kind="sealing and inventory record", records=[
    R("polyakov", "Sergei Nikolayevich Polyakov", ["Sergei Polyakov"], "subject"),
    R("lidiya", "Lidiya Aleksandrovna Polyakova", [], "third_party"),
    R("yura", "Yuri Sergeyevich Polyakov", [], "third_party", "1929-03-01"),
    R("gubin", "Fyodor Kuzmich Gubin", [], "beneficiary"),
    R("zhivotov", "Pavel Zhivotov", [], "staff"),
], text="""
MINUTES
of the sealing of a flat and the inventory of property
Moscow, 11 June 1938

We, the undersigned, Sergeant of State Security {{Zhivotov|zhivotov}} of the Administrative and Economic Department of the NKVD, and the witness {{Gubin F. K.|gubin}}, residing in the same house at {{Bolshaya Polyanka 30, kv. 7|gubin|addr}}, have sealed the flat of the arrested {{Polyakov Sergei Nikolayevich|polyakov}}, born {{1897|polyakov|dob}}, at {{Bolshaya Polyanka 30, kv. 12|polyakov|addr}}, and the room of his wife {{Polyakova Lidiya Aleksandrovna|lidiya}}, arrested as a family member of a traitor to the Motherland.

Inventory:
1. Piano "Becker" - 1
2. Bookcase with books - 2
3. Gramophone with records - 1
4. Women's fur coat - 1
5. Typewriter "Underwood" - 1

The son, {{Yura|yura}}, nine years old, has been handed over to the children's reception centre of the NKVD.

Seal label on the door: «НКВД. Опечатано. {{Поляков С. Н.|polyakov}}»

Note: by order of the Housing Administration of 20.06.1938 the room is allocated to {{F. K. Gubin|gubin}} "as a person who helped to expose the enemy {{Polyakov|polyakov}}". Items 1 and 3 were sold to {{Gubin|gubin}} at the valuation price.

[Attached, 1956: complaint of {{L. A. Polyakova|lidiya}} from Karaganda: "The room of my husband {{Seryozha|polyakov}} is still occupied by {{Gubin|gubin}}, who wrote the denunciation. Where is my son {{Yurochka|yura}}?"]
"""))

DOCS.append(dict(id="doc39", kind="surveillance log", records=[
    R("urban", "Zdeněk Urban", ["Urban, Zdeněk"], "subject", "1940-09-13"),
    R("urbanova", "Eva Urbanová", [], "third_party"),
    R("marek", "Ota Marek", [], "third_party"),
    R("reiter", "Hans-Jürgen Reiter", [], "public_figure"),
    R("kopecky", "Jiří Kopecký", [], "staff"),
    R("vondra", "Pavel Vondra", [], "staff"),
], text="""
FEDERAL MINISTRY OF THE INTERIOR - Surveillance Administration
DAILY REPORT
Object "{{Hodinář|urban}}" ({{Zdeněk Urban|urban}}, b. {{13. 9. 1940|urban|dob}}, {{Praha 3, Slavíkova 22|urban|addr}})
28 February 1977, ref. S-0771/77
Observers: {{Kopecký|kopecky}}, {{Vondra|vondra}}

07:20  "{{Hodinář|urban}}" left the house with his wife {{Eva Urbanová|urbanova}} (object "{{Hodinářka|urbanova}}").
07:45  They parted at the Náměstí Míru metro station; "{{Hodinářka|urbanova}}" went to her workplace.
13:10  "{{Hodinář|urban}}" entered the Hotel Alcron, where in the café he met the deputy of the West German Bundestag {{H.-J. Reiter|reiter}}.
14:05  {{Reiter|reiter}} handed him a book in a paper bag.
15:30  "{{Hodinář|urban}}" visited the flat of {{Ota Marek|marek}}, {{Korunní 98|marek|addr}}, and stayed until 17:10.
18:00  Returned home.
20:40  "{{Hodinářka|urbanova}}" telephoned from the booth on Jiřího z Poděbrad square (2 minutes).

Summary: the contact of {{Urban|urban}} with {{Reiter|reiter}} is to be reported to Dept. X. Photographs: 11.
{{Kopecký|kopecky}}

[Czech note in the margin: "kontakt {{Urbana|urban}} s {{Reiterem|reiter}} - ihned hlásit"]
"""))

DOCS.append(dict(id="doc40", kind="rehabilitation decision", records=[
    R("brueckner", "Gisela Brückner", ["Brückner, Gisela"], "subject", "1931-06-19", "1987-03-14"),
    R("jaehnig", "Manfred Jähnig", [], "third_party"),
    R("pietsch", "Werner Pietsch", [], "informer", None, None, "Rose"),
    R("walther", "Heinz Walther", [], "staff"),
    R("hentschel", "Rudolf Hentschel", [], "beneficiary"),
], text="""
REGIONAL COURT CHEMNITZ
2nd Rehabilitation Chamber
Ref. BSRH 114/92                                                   Chemnitz, 8 October 1992

DECISION
in the criminal rehabilitation proceedings concerning
{{Gisela Brückner|brueckner}}, née {{Jähnig|brueckner}}, born {{19.06.1931|brueckner|dob}} in Annaberg, died 1987 in Karl-Marx-Stadt, last address {{Karl-Marx-Stadt, Zschopauer Straße 140|brueckner|addr}},
applicant: {{Manfred Jähnig|jaehnig}}, brother of the deceased, {{Chemnitz, Reichenhainer Str. 9|jaehnig|addr}}.

The judgment of the District Court Karl-Marx-Stadt of 11 April 1962 (ref. I BS 44/62), by which the deceased was sentenced to two years and six months of imprisonment for "incitement endangering the state", is declared incompatible with the rule of law and is annulled. She is rehabilitated.

Reasons:
The conviction rested on statements of the co-worker {{Werner Pietsch|pietsch}}, who, as the files of the Federal Commissioner show, was registered as GI "{{Rose|pietsch}}", and on a confession obtained by the MfS investigator {{Walther|walther}} after fourteen days of detention without access to a lawyer. According to the judgment, Mrs {{Brueckner|brueckner}} had said in the canteen of the Wanderer works that "the wall will not last". Such a remark was an exercise of freedom of opinion.

The transfer of the house at {{Annaberger Straße 31|brueckner|addr}} to {{Rudolf Hentschel|hentschel}} in 1963 is not the subject of this decision; {{Gisela Brückner|brueckner}}'s brother is referred to the Office for the Regulation of Open Property Questions.
"""))
