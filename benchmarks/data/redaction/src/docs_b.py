from build import R

DOCS = []

DOCS.append(dict(id="doc11", kind="memorandum", records=[
    R("lewandowski", "Krzysztof Lewandowski", ["Lewandowski, Krzysztof"], "subject", "1947-03-15"),
    R("krawczyk", "Ewa Krawczyk", [], "third_party"),
    R("brzeski", "Tadeusz Brzeski", [], "public_figure", "1912-10-02"),
    R("wrona", "Stanisław Wrona", [], "public_figure"),
    R("grot", "Grot", [], "informer", None, None, "Grot"),
    R("pietek", "Henryk Piętek", [], "staff"),
    R("maj", "Zenon Maj", [], "staff"),
], text="""
Warsaw, 11 March 1968
TOP SECRET
Copy No. 2

MEMORANDUM
on the events at the University of Warsaw on 8 March 1968

1. On 8 March 1968 at about 12:00 a rally of some 1,500 students was held in the university courtyard. Among the speakers was {{Krzysztof Lewandowski|lewandowski}}, a third-year student of history, born {{15.03.1947|lewandowski|dob}}, residing in the student hostel at {{ul. Żwirki i Wigury 97/99, room 214|lewandowski|addr}}.

2. According to TW "{{Grot|grot}}", the text of the resolution was written on the evening of 7 March in the flat of {{Ewa Krawczyk|krawczyk}}, {{ul. Hoża 50 m. 17|krawczyk|addr}}. Present were {{Lewandowski|lewandowski}}, {{Krawczykówna|krawczyk}} and two persons not yet identified.

3. The writer {{Tadeusz Brzeski|brzeski}} appeared at the rally for about twenty minutes and was seen talking to {{Lewandowski|lewandowski}} at the gate. TW "{{Grot|grot}}" heard {{Brzeski|brzeski}} say: "Do not let them provoke you."

4. It is proposed:
a) to detain {{K. Lewandowski|lewandowski}} and to search his room;
b) to inform Comrade {{S. Wrona|wrona}}, First Secretary of the Warsaw Committee, of the role of {{Brzeski|brzeski}};
c) to instruct TW "{{Grot|grot}}" to stay in contact with {{Krawczyk|krawczyk}}.

5. The case is conducted under the file heading "Sprawa ewidencyjno-obserwacyjna dot. {{Krzysztofa Lewandowskiego|lewandowski}}".

Head of Department III
{{H. Piętek|pietek}}, colonel
Prepared by: captain {{Z. Maj|maj}}
"""))

DOCS.append(dict(id="doc12", kind="OCR typescript (report)", records=[
    R("romanova", "Svetlana Igorevna Romanova", ["Svetlana Romanova"], "subject", "1942-10-05"),
    R("romanov", "Oleg Aleksandrovich Romanov", ["Oleg Romanov"], "third_party"),
    R("zalkind", "Mark Yefimovich Zalkind", ["M. E. Zalkind"], "third_party"),
    R("lavrov", "Yevgeny Lavrov", [], "public_figure"),
    R("sever", "Sever", [], "informer", None, None, "Sever"),
    R("karpov", "Vladimir Nikolayevich Karpov", [], "staff"),
], text="""
[OCR of a typewritten copy; uncorrected. Archival signature f. 5, op. 2, d. 118, l. 14]

C0PY                                                                  Secret
KGB Directorate for Moscow and the Moscow Region, 5th Service
No. 5/1-2281                                                  l2 April 1971

REP0RT
on the activity of the group around {{S. I. Rornanova|romanova}}

According to the reliable agent "{{Sever|sever}}", on 3 April 1971 in the flat of {{Romanova Svetlana Igorevna|romanova}}, b. {{05.10.l942|romanova|dob}}, residing at {{Moscow, Leninsky prospekt 62/1, kv. 40|romanova|addr}}, tel. {{137-2l-88|romanova|phone}}, a gathering took place at which typewritten copies of the "Chronicle" were passed around. About l0 persons were present, among them the engineer {{Zal-
kind M. E.|zalkind}} and the husband of {{Rornanova|romanova}}, {{0leg Rornanov|romanov}}.

{{Zalkind|zalkind}} read aloud verses of the poet {{E. Lavrov|lavrov}} that have not been published in the USSR. {{Rornanova|romanova}} collected money "for the farnilies of those arrested"; about 60 roubles were collected. The agent's own note is headed "Soobshchenie o sobranii u {{Rornanovoi|romanova}}".

Proposed measures:
l. Continue the surveillance of {{Rornanova S. I.|romanova}} and of her contacts.
2. Hand the materials on {{Zalkmd|zalkind}} over to the investigative department.
3. Hold a prophylactic conversation with {{0. A. Romanov|romanov}} at his place of work.
4. Keep "{{Sever|sever}}" in the circle; obtain through him the texts of {{Lavrov|lavrov}} read at the gathering.

Head of the 1st Department of the 5th Service
Major {{V. N. Karpov|karpov}}
- 2 -
"""))

DOCS.append(dict(id="doc13", kind="detainee card", records=[
    R("fuentes", "Luis Alberto Fuentes Ríos", ["Luis Fuentes"], "subject", "1948-02-17"),
    R("soto", "Carmen Soto Valdés", [], "third_party"),
    R("araya", "Patricio Araya", [], "third_party"),
    R("reyes", "Osvaldo Reyes Tapia", [], "staff"),
    R("flaca", "Marcia Alejandra Lagos", [], "informer", None, None, "Flaca"),
], text="""
[Translation of a detainee card recovered in 1991. Collection of the documentation centre, signature FD-0412]

NATIONAL INTELLIGENCE DIRECTORATE (DINA) - Brigade "Caupolicán"
DETAINEE CARD

Name: {{FUENTES RÍOS|fuentes}}, {{Luis Alberto|fuentes}}
Alias: "{{Lucho|fuentes}}"
Identity card: {{5.432.118-7|fuentes|id}} (Santiago)
Born: {{17-02-1948|fuentes|dob}}, Valparaíso
Address: {{Pasaje Los Aromos 1437, Población La Legua|fuentes|addr}}
Occupation: secondary-school teacher
Affiliation: MIR, regional committee
Detained: 09-11-1974, 23:30, at his home, by group "Tucán"
Detained with him: {{Carmen Soto Valdés|soto}} (wife); released 11-11-1974
Identified by: collaborator "{{Flaca|flaca}}"
Place of detention: "Terranova" (tower)
Interrogator: "{{Ronco|reyes}}"
Contacts named: {{Patricio Araya|araya}} ("{{Pato|araya}}"), telephone {{2217834|araya|phone}}
Observations: the detainee refuses to give the address of {{Araya|araya}}. Transfer to "Cuatro Álamos" on 02-12-1974 authorised by Lt. {{Reyes|reyes}}.

Note of the documentation centre: {{Luis Alberto Fuentes Ríos|fuentes}} remains disappeared. His wife {{Carmen Soto|soto}} filed an application for habeas corpus (Rol 1288-74), which was rejected. The collaborator "{{Flaca|flaca}}" was identified in 1992 as {{Marcia Alejandra Lagos|flaca}}. "{{Ronco|reyes}}" was the alias of Lt. {{Osvaldo Reyes Tapia|reyes}}.
"""))

DOCS.append(dict(id="doc14", kind="witness testimony", records=[
    R("ruiz", "Elena Ruiz de Gallardo", [], "third_party", "1929-01-21"),
    R("gallardo", "María Inés Gallardo", ["María Inés Gallardo Ruiz"], "subject", "1955-05-08"),
    R("mancini", "Raúl Esteban Mancini", [], "third_party"),
    R("lamas", "Héctor Lamas", [], "staff"),
    R("benitez", "Oscar Benítez", [], "beneficiary"),
    R("paz", "Liliana Paz", [], "third_party"),
], text="""
TESTIMONY No. 0873
Recorded at the offices of the documentation centre, Buenos Aires, 22 June 1984. File LEG-0873, pages 1-3.

The witness, {{Elena Ruiz de Gallardo|ruiz}}, DNI {{4.781.356|ruiz|id}}, domiciled at {{Avenida Rivadavia 5520, 3° B|ruiz|addr}}, telephone {{431-2209|ruiz|phone}}, states:

My daughter {{María Inés Gallardo|gallardo}}, born {{8 May 1955|gallardo|dob}}, a psychology student, was taken from her flat at {{Humahuaca 3871, 1° A|gallardo|addr}} on the night of 14 to 15 September 1977, together with her companion {{Raúl Esteban Mancini|mancini}}. The neighbours told me that six armed men in civilian clothes came in two Ford Falcons without number plates.

The next morning I went to police station No. 9, where they told me they knew nothing. In 1979 a woman who had been released from the "Club Atlético", {{Liliana Paz|paz}}, told me that she had seen {{Marita|gallardo}} there, hooded, and that {{Raúl|mancini}} had been badly beaten. She said the man in charge was called "{{Turco|lamas}}" and that the guards addressed him as "officer {{Lamas|lamas}}".

In 1980 I learned that the flat on Humahuaca street had been transferred with forged papers to {{Oscar Benítez|benitez}}, who lives there to this day. {{Benítez|benitez}} is a cousin of a police officer.

Since then I have received no news of {{Gallardo|gallardo}} or of {{Mancini|mancini}}. I hand over a photograph of my daughter and a copy of the habeas corpus filed in 1977 (file 4512).

Read and signed: {{E. Ruiz de Gallardo|ruiz}}
"""))

DOCS.append(dict(id="doc15", kind="surveillance log", records=[
    R("wunderlich", "Christoph Wunderlich", ["Wunderlich, Christoph"], "subject", "1957-11-27"),
    R("goebel", "Sabine Göbel", [], "third_party", "1961-02-14"),
    R("hartmann", "Uwe Hartmann", [], "third_party"),
    R("ziegler", "Frank Ziegler", [], "staff"),
    R("otto", "Rainer Otto", [], "staff"),
], text="""
Ministry for State Security
Regional Administration Leipzig, Department VIII

OBSERVATION REPORT
Object: "{{Maler|wunderlich}}" - {{Wunderlich|wunderlich}}, {{Christoph|wunderlich}}, b. {{27.11.1957|wunderlich|dob}}, {{Gohliser Str. 4, 2nd floor left|wunderlich|addr}}
Order: 12/88 of Dept. XX/2
Date: Monday, 10 October 1988
Team: {{Ziegler|ziegler}}, {{Otto|otto}}

15:02  "{{Maler|wunderlich}}" left the house and took tram line 6 into the city centre.
15:31  Entered the Nikolaikirche through the side door. Observation continued from outside.
16:58  Left the church with a woman, who was given the name "{{Schal|goebel}}" (later identified: {{Sabine Göbel|goebel}}, b. {{14.02.1961|goebel|dob}}, {{Kochstr. 118|goebel|addr}}).
17:10  Both walked towards the Thomaskirche. "{{Maler|wunderlich}}" handed "{{Schal|goebel}}" a rolled-up paper (poster?).
17:40  "{{Schal|goebel}}" entered the house {{Kochstraße 118|goebel|addr}}. "{{Maler|wunderlich}}" continued alone.
18:25  "{{Maler|wunderlich}}" made a call from the public telephone box on Karl-Liebknecht-Straße (4 minutes).
19:05  Returned home. Observation ended at 22:00 without further movement.

Photographs: 8.
Remarks: According to the residents' register, {{Göbel|goebel}} is the divorced wife of {{Uwe Hartmann|hartmann}}, who left for the FRG in 1986.

Copy to Dept. XX/2 (check the contacts of {{Goebel|goebel}}).
Signed: Ltn. {{F. Ziegler|ziegler}}
"""))

DOCS.append(dict(id="doc16", kind="official note (flat reallocation)", records=[
    R("baumgart", "Wolfgang Baumgart", [], "subject", "1944-07-09"),
    R("renate", "Renate Baumgart", [], "third_party", "1947-03-30"),
    R("gaertner", "Erich Lorenz", [], "informer", None, None, "Gärtner"),
    R("kretschmar", "Horst Kretschmar", [], "beneficiary"),
    R("seidel", "Lothar Seidel", [], "staff"),
], text="""
Ministry for State Security
District Service Unit Dresden-City                              Dresden, 21.05.1984

NOTE on the further use of the flat {{Bautzner Straße 73, 2nd floor right|baumgart|addr}}

1. The former tenants, {{Wolfgang Baumgart|baumgart}} (b. {{09.07.1944|baumgart|dob}}) and his wife {{Renate Baumgart|renate}}, née {{Hesse|renate}} (b. {{30.03.1947|renate|dob}}), were released from GDR citizenship on 16.05.1984 and have left for Giessen (FRG). The flat (3 rooms, kitchen, bath, telephone {{5 24 19|baumgart|phone}}) has been sealed.

2. According to IM "{{Gärtner|gaertner}}", who lives in the same building, the couple left behind furniture, a piano and about 300 books, among them West German publications. The books are to be secured before the flat is reallocated.

3. It is proposed that the flat be allocated to Comrade {{Horst Kretschmar|kretschmar}}, instructor at the SED district leadership, who lives with his family in one room at {{Tolkewitzer Str. 12|kretschmar|addr}}. Comrade {{Kretschmar|kretschmar}} has supported the work of the MfS for many years. The housing office has been informed.

4. The piano is to be offered to {{Kretschmar|kretschmar}} at the valuation price.

5. IM "{{Gaertner|gaertner}}" is to receive a bonus of 150 marks for his reports on {{Baumgart|baumgart}} and for handing over the cellar key.

{{Seidel|seidel}}, Captain

[Archive note: IM "{{Gärtner|gaertner}}" = {{Erich Lorenz|gaertner}}, b. {{1931|gaertner|dob}}.]
"""))

DOCS.append(dict(id="doc17", kind="interrogation protocol", records=[
    R("kaczmarek", "Zbigniew Kaczmarek", [], "subject", "1956-01-23"),
    R("grazyna", "Grażyna Kaczmarek", [], "third_party"),
    R("pawlak", "Józef Pawlak", [], "third_party"),
    R("stanislaw", "Stanisław Kaczmarek", [], "third_party"),
    R("janina", "Janina Kaczmarek", [], "third_party"),
    R("grabowski", "Leszek Grabowski", [], "staff"),
], text="""
RECORD OF INTERROGATION OF A SUSPECT
[original heading: "Protokół przesłuchania podejrzanego {{Zbigniewa Kaczmarka|kaczmarek}}"]

Wrocław, 4 February 1982, 10:15-13:50
Investigation No. RSD-II-0014/82

Interrogated by: Lieutenant {{Leszek Grabowski|grabowski}}, Investigation Department of the Provincial Police Headquarters in Wrocław.

Personal data: {{Kaczmarek Zbigniew|kaczmarek}}, son of {{Stanisław|stanislaw}} and {{Janina|janina}}, born {{23.01.1956|kaczmarek|dob}} in Oleśnica, fitter at the Pafawag works, married, residing at {{ul. Kasprowicza 33 m. 4|kaczmarek|addr}}, Wrocław, identity card {{XD 0392741|kaczmarek|id}}.

Warned of criminal liability for false statements, the suspect declared:
I admit that from 13 December 1981 I kept in my cellar a duplicator belonging to the strike committee. I received it from a man I know only by his first name, {{Józef|pawlak}}. I do not know his surname or address.

Question: Is the man you call {{Józef|pawlak}} identical with {{Józef Pawlak|pawlak}}, employed in the tool shop of Pafawag?
Answer: I refuse to answer.
Question: Did your wife know about the duplicator?
Answer: {{Grażyna|grazyna}} knew nothing. She does not go down to the cellar.
Question: Who printed the leaflets "Solidarność walczy"?
Answer: I refuse to answer.

Read, confirmed and signed: {{Z. Kaczmarek|kaczmarek}}
Interrogated by: {{L. Grabowski|grabowski}}

[Pencil note: "{{Pawlaka|pawlak}} zatrzymać" - detain {{Pawlak|pawlak}}.]
"""))

DOCS.append(dict(id="doc18", kind="informer report", records=[
    R("melnyk", "Vasyl Melnyk", ["Melnyk, Vasyl"], "subject", "1899-01-14"),
    R("kbondar", "Kateryna Bondar", [], "third_party"),
    R("pbondar", "Petro Bondar", [], "third_party"),
    R("kravets", "Olha Kravets", [], "third_party"),
    R("kuznetsov", "Nikolai Kuznetsov", [], "staff"),
    R("dnipro", "Stepan Hryhorovych Lysenko", [], "informer", None, None, "Dnipro"),
], text="""
TOP SECRET
MGB District Department, Zhovkva, Lviv Region

AGENT REPORT
Source: agent "{{Dnipro|dnipro}}"
Received by: Senior Lieutenant {{Kuznetsov|kuznetsov}}
6 November 1949

On 30 October of this year, at about 23:00, the source was called by {{Kateryna Bondar|kbondar}} to her house, {{Mokrotyn No. 27|kbondar|addr}}. About fifteen people were in the room, mostly old women. The former Uniate priest {{Melnyk Vasyl|melnyk}} (in Russian documents {{Vasily Melnik|melnyk}}) celebrated a liturgy according to the Uniate rite and afterwards heard confessions. {{Melnyk|melnyk}} said that the "true church" would return and asked those present not to sign the petition for union with the Orthodox church.

{{Bondar|kbondar}}'s husband, {{Petro|pbondar}}, stood guard in the yard. After the service Father {{Vasyl|melnyk}} left towards the forest; it is said that he stays at the farm of his sister {{Olha Kravets|kravets}} in the village of Volytsia.

Task: establish where {{Melnyk|melnyk}} sleeps and who takes him from village to village.

Officer's note: the information is reliable; "{{Dnipro|dnipro}}" enjoys the trust of {{Bondar K.|kbondar}}. I propose to arrest {{Melnyk|melnyk}} after his next appearance.
Sr. Lt. {{Kuznetsov|kuznetsov}}

[Cover of the file, in Cyrillic: «{{Мельник В.|melnyk}}». Archive note (2006): agent "{{Dnipro|dnipro}}" is {{Lysenko Stepan Hryhorovych|dnipro}}, b. {{1911|dnipro|dob}}, of Mokrotyn.]
"""))

DOCS.append(dict(id="doc19", kind="recruitment proposal", records=[
    R("kucera", "Pavel Kučera", ["Kučera, Pavel"], "informer", "1946-08-03", None, "Architekt"),
    R("kucerova", "Jana Kučerová", [], "third_party"),
    R("novakova", "Alena Nováková", [], "subject", "1944-12-01"),
    R("hanzlik", "Petr Hanzlík", [], "public_figure"),
    R("krejci", "Bohuslav Krejčí", [], "staff"),
    R("vlcek", "Jaroslav Vlček", [], "staff"),
], text="""
MINISTRY OF THE INTERIOR - Regional Administration of the StB Brno, Dept. X
Ref. No. 31288/79                                            Brno, 12 June 1979

PROPOSAL FOR THE RECRUITMENT OF A SECRET COLLABORATOR

Candidate: {{Kučera Pavel|kucera}}, Ing.
Born: {{3. 8. 1946|kucera|dob}}, Jihlava
Residence: {{Brno, Kounicova 42|kucera|addr}}
Identity card: {{BA 226541|kucera|id}}
Telephone: {{534 18|kucera|phone}}
Employment: design engineer, Zbrojovka Brno
Family: wife {{Jana Kučerová|kucerova}}, b. {{1949|kucerova|dob}}, nurse; one daughter (6)
Proposed cover name: "{{Architekt|kucera}}"

Reasons: The candidate has been a friend of MUDr. {{Alena Nováková|novakova}}, a signatory of Charter 77, since their schooldays, and visits her flat at {{Údolní 15|novakova|addr}} regularly. {{Nováková|novakova}} trusts him. Through {{Kučera|kucera}} it will be possible to control her contacts with the exiled writer {{Petr Hanzlík|hanzlik}} in Vienna, whose books she distributes.

Basis of recruitment: compromising material (traffic accident of 1978, file ČVS 144/78) combined with the candidate's wish to travel abroad. In the original: "získat {{Kučeru|kucera}} na základě kompromitujícího materiálu".

Planned first task for "{{Architekt|kucera}}": report on the visit of {{Hanzlík|hanzlik}}'s wife to Brno in July.

Proposed by: {{B. Krejčí|krejci}}, first lieutenant
Approved: Lt. Col. {{Vlček|vlcek}}, head of department
"""))

DOCS.append(dict(id="doc20", kind="letter from a relative (intercepted)", records=[
    R("feldman", "Arkady Leonidovich Feldman", ["Arkady Feldman"], "subject", "1938-09-12"),
    R("mfeldman", "Mira Yakovlevna Feldman", ["Mira Feldman"], "third_party"),
    R("sasha", "Aleksandr Arkadyevich Feldman", [], "third_party", "1966-10-04"),
    R("sedykh", "Konstantin Mikhailovich Sedykh", [], "public_figure"),
    R("zotov", "Viktor Zotov", [], "staff"),
    R("voronina", "Klavdiya Voronina", [], "informer"),
    R("rybakov", "Yevgeny Rybakov", [], "staff"),
], text="""
[Copy. Intercepted by the perlustration service, Leningrad, 2 March 1979. Original forwarded to the addressee: no.]

Dear {{Konstantin Mikhailovich|sedykh}},

Forgive me for writing to you although we are not acquainted. You are a deputy of the Supreme Soviet and your books are read in every family, and I have no one else to turn to. My husband, {{Arkady Leonidovich Feldman|feldman}}, a translator, was sentenced last year to four years for "anti-Soviet slander" because friends had passed around his translations of Western novels.

He is now in camp VS-389/35 near Perm. He has a stomach ulcer, and the camp doctor refuses to send him to hospital. When I visited in January, the KGB representative in the camp, Major {{Zotov|zotov}}, told me that {{Arkasha|feldman}} would leave the camp "feet first" unless he wrote a petition for pardon.

Our son {{Sasha|sasha}} is twelve; he was excluded from the Pioneers after his father's arrest. A neighbour from our communal flat, {{Voronina|voronina}}, who testified against {{Arkady|feldman}} in court, has already asked the housing office for our second room.

I beg you to ask at least for a medical examination.
Our address: {{Leningrad, ul. Rubinshteina 13, kv. 29|mfeldman|addr}}, tel. {{164-52-08|mfeldman|phone}}.

With deep respect,
{{Mira Feldman|mfeldman}}

[Note of the perlustration officer: attach to the file of {{Feldman A. L.|feldman}}; inform Captain {{Rybakov|rybakov}} (5th Dept.) of the contact with {{K. M. Sedykh|sedykh}}.]
"""))
