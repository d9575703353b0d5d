from build import R

DOCS = []

DOCS.append(dict(id="doc01", kind="interrogation protocol", records=[
    R("lebedev", "Pavel Andreyevich Lebedev", ["Pavel Lebedev"], "subject", "1919-11-02"),
    R("lebedeva", "Nina Sergeyevna Lebedeva", ["Nina Lebedeva"], "third_party"),
    R("gromov", "Arkady Fyodorovich Gromov", ["A. F. Gromov"], "third_party"),
    R("kozyrev", "Viktor Ilyich Kozyrev", ["V. I. Kozyrev"], "staff"),
    R("shilova", "Tamara Ivanovna Shilova", [], "staff"),
], text="""
PROTOCOL OF INTERROGATION
[Heading in the original: "Protokol doprosa obvinyaemogo {{Lebedeva Pavla Andreyevicha|lebedev}}"]

Leningrad, 17 October 1952. Begun 22:10, ended 03:40.
Case No. 4471/52, vol. 2, sheet 38

Interrogated by the senior investigator of the MGB Directorate for the Leningrad Region, Captain {{Kozyrev V. I.|kozyrev}}.

The accused {{Lebedev Pavel Andreyevich|lebedev}}, born {{02.11.1919|lebedev|dob}} in the village of Sosnovka, Kalinin Region; Russian; not a party member; design engineer at the Elektrosila works; residing at {{ul. Marata 27, apt. 14|lebedev|addr}}; passport series {{II-LO No. 583902|lebedev|id}}.

Question: Name the persons who visited your flat in the summer of 1952.
Answer: Only relatives, and my colleague from the design bureau, {{Gromov Arkady Fyodorovich|gromov}}, who came two or three times to play chess. My wife {{Nina|lebedeva}} was present each time.

Question: The investigation has evidence that in {{Gromov|gromov}}'s presence you called the harvest figures printed in the newspapers invented. Do you confirm this?
Answer: I do not. I said only that the relatives of my wife, {{N. S. Lebedeva|lebedeva}}, received almost no grain for their labour-days in 1951.

Question: Why then does {{Gromov|gromov}} state the opposite?
Answer: I cannot explain it. I request a confrontation with him ("ochnaya stavka s {{Gromovym|gromov}}").

The request is noted. The interrogation was interrupted.

Recorded from my words correctly and read by me: {{P. Lebedev|lebedev}}
Interrogated by: {{Kozyrev|kozyrev}}
Typed by: stenographer {{Shilova T.|shilova}}
"""))

DOCS.append(dict(id="doc02", kind="informer report", records=[
    R("haase", "Jürgen Haase", ["Haase, Jürgen"], "subject", "1956-04-02"),
    R("kuehn", "Martina Kühn", ["Kühn, Martina"], "third_party"),
    R("schaefer", "Gerhard Schäfer", ["G. Schäfer"], "third_party"),
    R("wendt", "Klaus Wendt", [], "staff"),
    R("lerche", "Ingrid Pohl", ["Pohl, Ingrid"], "informer", "1951-02-11", None, "Lerche"),
], text="""
Regional Administration for State Security Gera
District Service Unit Jena, Dept. XX/4                        Jena, 14.03.1983

Source: IM "{{Lerche|lerche}}"
Received by: Oltn. {{Wendt|wendt}}
Meeting: 11.03.1983, conspiratorial flat "Park"
Reg. No. X/1177/79

REPORT (transcribed from tape)

On Saturday, 5 March, the source attended the evening of the Junge Gemeinde in the parish hall on Lutherstraße. About 25 young people were present. The evening was led by {{Jürgen Haase|haase}}. {{Haase|haase}} read aloud a text about the peace movement in Western Europe and proposed that the group sew badges with the slogan "Swords into Ploughshares".

Also present was {{Martina Kuehn|kuehn}}, who lives with {{Haase|haase}} at {{Wagnergasse 12, rear building|haase|addr}}. {{Tina|kuehn}}, as everybody calls her, told the source that her application to study medicine in Halle had been rejected and that she intends to complain to the Council of State.

Pastor {{Schäfer|schaefer}} came in for half an hour and warned {{Haase|haase}} not to put anything up in the display case outside. {{Jürgen|haase}} replied that the church has no reason to be afraid.

The source will attend the next evening on 19 March and try to obtain a copy of the text.
Task: establish whether {{M. Kühn|kuehn}} has contacts in West Berlin.

{{Wendt|wendt}}, First Lieutenant

[Research note of the archive, 1996: IM "{{Lerche|lerche}}" identified as {{Ingrid Pohl|lerche}}, b. {{11.02.1951|lerche|dob}}.]
"""))

DOCS.append(dict(id="doc03", kind="surveillance log", records=[
    R("nowicki", "Andrzej Nowicki", ["A. Nowicki"], "subject", "1951-08-30"),
    R("nowicka", "Halina Nowicka", [], "third_party"),
    R("wojcik", "Teresa Wójcik", [], "third_party", "1949-07-12"),
    R("zielinski", "Marek Zieliński", [], "third_party"),
    R("bak", "Ryszard Bąk", [], "staff"),
    R("szymczak", "Jerzy Szymczak", [], "staff"),
], text="""
Ministry of Internal Affairs
Provincial Office of Internal Affairs in Kraków, Department "B"

OBSERVATION REPORT No. 212/84
Object: "{{Ryś|nowicki}}" ({{Nowicki Andrzej|nowicki}}, b. {{1951|nowicki|dob}})
Date of observation: 9 May 1984
Observers: {{Bąk R.|bak}}, {{Szymczak J.|szymczak}}

07:45  The object left the house at {{ul. Długa 41 m. 6|nowicki|addr}} with his wife {{Halina Nowicka|nowicka}}. Both walked to the tram stop on Basztowa street.
08:10  At the Main Market Square "{{Ryś|nowicki}}" parted from his wife and entered the building of the Jagiellonian Library.
11:30  The object came out with a woman aged about 35, light raincoat, brown briefcase (given the name "{{Teczka|wojcik}}"). Established as {{Teresa Wójcik|wojcik}}, b. {{12.07.1949|wojcik|dob}}, residing at {{os. Centrum C 4 m. 112|wojcik|addr}}, Nowa Huta.
12:05  In the milk bar on Sławkowska street "{{Teczka|wojcik}}" handed the object a parcel wrapped in newspaper, approx. 30 x 20 cm. At the next table sat {{Marek Zieliński|zielinski}}, known from case SOR 3311/82; {{Zielinski|zielinski}} greeted both and left after five minutes.
14:20  The object entered a building on Szewska street and stayed 40 minutes; the flat visited could not be established.
16:00  The object returned home. End of observation.

Photographs: 6 (frames 14-19).

[Marginal note in Polish: "ustalić powiązania {{Nowickiego|nowicki}} z {{Wójcikową|wojcik}}" - establish the links between {{Nowicki|nowicki}} and {{Wójcik|wojcik}}.]

Signed: {{R. Bąk|bak}}
"""))

DOCS.append(dict(id="doc04", kind="house-search record", records=[
    R("dvorak", "Jiří Dvořák", ["Dvořák, Jiří"], "subject", "1930-04-22"),
    R("dvorakova", "Věra Dvořáková", [], "third_party"),
    R("horak", "Miroslav Horák", [], "staff"),
    R("sedlacek", "Josef Sedláček", [], "staff"),
    R("prochazkova", "Marie Procházková", [], "third_party"),
    R("kratina", "Bohuslav Kratina", ["B. Kratina"], "public_figure", "1921-01-17"),
], text="""
RECORD OF A HOUSE SEARCH
Ministry of the Interior, Regional Administration of the StB Prague, Dept. II
Ref. A-2/3-00871/72

On 14 January 1972, between 06:15 and 10:40, a search was carried out in the flat of {{Jiří Dvořák|dvorak}}, born {{22. 4. 1930|dvorak|dob}}, residing at {{Praha 2, Lublaňská 19, 3rd floor|dvorak|addr}}, identity card {{AC 418207|dvorak|id}}, on the order of the investigator of 13 January 1972.

Present: Lieutenant {{Horák|horak}}, Sergeant {{J. Sedláček|sedlacek}}, the wife of the tenant {{Věra Dvořáková|dvorakova}}, and as an independent witness the house warden {{Marie Procházková|prochazkova}}, residing at {{Lublaňská 19, flat 1|prochazkova|addr}}.

{{Dvořák|dvorak}} himself was not present; he had been detained at 05:50 at his workplace.

Items seized:
1. Typescript "The Quiet Courtyard" by {{B. Kratina|kratina}}, 212 pages, carbon copy.
2. Letters (14) addressed to {{Dvorak J.|dvorak}} from abroad, postmarked Vienna and Munich.
3. Typewriter "Consul", serial no. 554127.
4. Notebook with addresses and telephone numbers, including the entry "{{Kratina|kratina}} - {{25 44 61|kratina|phone}}".

{{Dvořáková|dvorakova}} stated that the typescript belonged to a friend of her husband whose name she did not know. She refused to sign the record.

Search conducted by: {{M. Horák|horak}}
Witness: {{Procházková|prochazkova}}

[Czech annotation in the margin: "byt {{Jiřího Dvořáka|dvorak}} - sledovat" (the flat of {{Jiří Dvořák|dvorak}} - keep under watch).]
"""))

DOCS.append(dict(id="doc05", kind="personnel form", records=[
    R("gurevich", "Boris Naumovich Gurevich", ["Boris Gurevich"], "subject", "1936-08-14"),
    R("gurevich_e", "Yelena Markovna Gurevich", ["Yelena Gurevich"], "third_party", "1939-01-30"),
    R("gurevich_n", "Naum Isaakovich Gurevich", [], "third_party", None, "1967-05-03"),
    R("gurevich_l", "Lev Naumovich Gurevich", [], "third_party"),
    R("klimova", "Zoya Andreyevna Klimova", [], "staff"),
    R("kaplan", "Rakhil Solomonovna Kaplan", ["R. S. Kaplan"], "third_party"),
], text="""
PERSONAL RECORD SHEET FOR CADRES
(copy from the personnel file of the Institute of Applied Physics, forwarded to the KGB Directorate for Moscow and the Moscow Region, ref. 2/3-1187)

1. Surname, first name, patronymic: {{GUREVICH Boris Naumovich|gurevich}}
2. Sex: male
3. Date and place of birth: {{14 August 1936|gurevich|dob}}, Vinnitsa
4. Nationality: Jewish
5. Party membership: none
6. Education: higher, Moscow State University, 1959
7. Academic degree: candidate of physical and mathematical sciences
8. Passport: {{XIV-MYu No. 640351|gurevich|id}}, issued 12.03.1970 by the 108th police department, Moscow
9. Home address: {{Moscow, Profsoyuznaya ul. 52, korp. 2, kv. 87|gurevich|addr}}
10. Home telephone: {{120-34-77|gurevich|phone}}
11. Close relatives:
 - wife: {{Gurevich Yelena Markovna|gurevich_e}}, b. {{30.01.1939|gurevich_e|dob}}, schoolteacher, same address;
 - father: {{Gurevich Naum Isaakovich|gurevich_n}}, b. {{1905|gurevich_n|dob}}, d. 1967, buried in Vinnitsa;
 - brother: {{Gurevich Lev Naumovich|gurevich_l}}, b. {{1941|gurevich_l|dob}}, since 1973 resident in Haifa, Israel.
12. Have you or your close relatives been abroad? Brother {{L. N. Gurevich|gurevich_l}} emigrated in 1973.

Completed on 5 February 1974. Signature: {{B. Gurevich|gurevich}}
Checked by the head of the First Department {{Klimova Z. A.|klimova}}

Blue pencil on the margin: "Exit visa refused 1975. Contacts of {{Gurevich B. N.|gurevich}} to be checked through his mother-in-law {{R. S. Kaplan|kaplan}}, tel. {{157-09-12|kaplan|phone}}."
"""))

DOCS.append(dict(id="doc06", kind="letter from a relative", records=[
    R("orlov", "Dmitry Konstantinovich Orlov", ["Dmitry Orlov"], "subject", "1924-02-09"),
    R("orlova", "Antonina Vasilyevna Orlova", [], "third_party"),
    R("pankratov", "Grigory Matveyevich Pankratov", ["G. M. Pankratov"], "beneficiary"),
    R("lukin", "Sergei Timofeyevich Lukin", [], "staff"),
    R("belkin", "Yuri Borisovich Belkin", ["Yuri Belkin"], "third_party", "1925-06-30"),
], text="""
To the Chief Military Prosecutor of the USSR
from {{Orlova Antonina Vasilyevna|orlova}}, residing at {{Kaluga, ul. Kirova 8, kv. 3|orlova|addr}}

APPLICATION

I ask you once more to review the case of my son, {{Orlov Dmitry Konstantinovich|orlov}}, born {{1924|orlov|dob}}, a former lieutenant and front-line soldier, who was arrested on the night of 2 March 1949 and sentenced by the Special Board to 25 years.

My {{Dima|orlov}} was never an enemy. He was wounded twice at the front and came home with the Order of the Red Star. He was arrested after our neighbour {{G. M. Pankratov|pankratov}} wrote that {{Dima|orlov}} had praised American lorries. Two months after the arrest {{Pankratov|pankratov}} moved with his family into my son's room, and he lives there to this day.

When I went to the MGB building in 1949, the investigator {{Lukin|lukin}} told me: "Forget your son, mother." His friend {{Yura Belkin|belkin}}, who was arrested together with him, came back last year from Inta and said that in the camp my son was ill with his lungs. Since August 1954 I have had no letters. I beg you to tell me whether {{Orlov D. K.|orlov}} is alive and where he is.

My previous letter, of 10 January 1956, has remained without an answer.

{{A. Orlova|orlova}}
14 May 1956

[Stamp: received by the Chief Military Prosecutor's Office on 21.V.1956, incoming No. 7/3-11482. Entry in the register: "zhaloba po delu {{Orlova D. K.|orlov}}" (complaint in the case of {{Orlov|orlov}}).]
"""))

DOCS.append(dict(id="doc07", kind="rehabilitation certificate", records=[
    R("savchuk", "Mykola Ivanovych Savchuk", ["Nikolai Ivanovich Savchuk"], "subject", "1905-12-19", "1953-02-11"),
    R("savchuk_o", "Olena Petrivna Savchuk", [], "third_party"),
    R("kovalenko", "Iryna Mykolaivna Kovalenko", ["Iryna Savchuk"], "third_party"),
    R("butenko", "Grigory Butenko", [], "staff"),
    R("sokil", "Sokil", [], "informer", None, None, "Sokil"),
], text="""
PROSECUTOR'S OFFICE OF THE LVIV REGION
CERTIFICATE OF REHABILITATION
No. 13/2-4051-91                                        Lviv, 3 September 1991

In accordance with Article 1 of the Law of the Ukrainian SSR "On the Rehabilitation of Victims of Political Repression in Ukraine" of 17 April 1991, the following person is rehabilitated:

{{Savchuk Mykola Ivanovych|savchuk}} ({{Савчук Микола Іванович|savchuk}}), born {{19 December 1905|savchuk|dob}} in the village of Zhovtantsi, Zhovkva district, village schoolteacher, residing before his arrest at {{Zhovtantsi, house No. 114|savchuk|addr}}.

He was arrested on 21 October 1947 by the MGB Directorate for the Lviv Region (investigator Lieutenant {{Butenko|butenko}}); in the files of 1947 he is called "{{Nikolai Ivanovich Savchuk|savchuk}}", and the protocols are headed "Protokol doprosa {{Savchuka N. I.|savchuk}}". The charge rested solely on the reports of the agent "{{Sokil|sokil}}" and on a confession obtained after eleven nights of interrogation. On 14 February 1948 the Special Board of the MGB sentenced him under Art. 54-1a and 54-11 to 10 years of labour camps. He died on 11 February 1953 in Ozerlag, Irkutsk Region.

His wife {{Savchuk Olena Petrivna|savchuk_o}} (in the files of 1947: {{Yelena Petrovna|savchuk_o}}), born {{1910|savchuk_o|dob}}, and his daughter {{Iryna|kovalenko}}, born {{1934|kovalenko|dob}}, were deported to the Tomsk Region as family members; they are rehabilitated by the same decision.

The certificate is issued to the daughter, {{I. M. Kovalenko|kovalenko}}, residing at {{Lviv, vul. Zelena 88, kv. 21|kovalenko|addr}}, on her application of 22 May 1991.

Deputy Prosecutor of the Lviv Region [signature]
"""))

DOCS.append(dict(id="doc08", kind="prison register", records=[
    R("weiss", "Franz Iosifovich Weiss", ["Franz Weiss"], "subject"),
    R("tarasenko", "Ivan Stepanovich Tarasenko", [], "third_party"),
    R("rozen", "Ada Lvovna Rozen-Mirskaya", [], "third_party"),
    R("kuzmin", "Pyotr Yegorovich Kuzmin", [], "third_party"),
    R("sorokin", "Nikolai Sorokin", [], "staff"),
    R("mokhov", "Aleksei Mokhov", [], "staff"),
    R("mweiss", "Maria Alexandrovna Weiss", [], "third_party"),
], text="""
REGISTER OF ARRIVING PRISONERS, BUTYRKA PRISON, 4th BLOCK
Extract, sheets 117-118. Copy made on request No. 2209 of 14.11.1990.

No. | Arrived | Surname, first name, patronymic | Born | Article | Cell | Prisoner No.
1 | 03.08.1937 | {{Weiss Franz Iosifovich|weiss}} | {{1898|weiss|dob}} | 58-6 | 62 | {{14407|weiss|id}}
2 | 03.08.1937 | {{Tarasenko Ivan Stepanovich|tarasenko}} | {{1902|tarasenko|dob}} | 58-10 | 62 | {{14408|tarasenko|id}}
3 | 03.08.1937 | {{Rozen-Mirskaya Ada Lvovna|rozen}} | {{1911|rozen|dob}} | 58-8, 17 | 19 | {{14409|rozen|id}}
4 | 04.08.1937 | {{Kuzmin Pyotr Yegorovich|kuzmin}} | {{1889|kuzmin|dob}} | 58-11 | 62 | {{14415|kuzmin|id}}

Remarks column:
row 1: "At the disposal of the 3rd Dept., investigator {{Sorokin|sorokin}}. Spectacles and braces removed." In the NKVD card index the name is spelled "{{Veis F. I.|weiss}}".
row 3: "Transferred to the women's block 06.08."
row 4: "Elderly, heart - seen by the doctor."
Received by: duty officer, Sergeant of State Security {{Mokhov|mokhov}}.

Accompanying letter of the archive:
In reply to the request of {{Maria Alexandrovna Weiss|mweiss}}, {{Moscow, Novoslobodskaya ul. 14, kv. 3|mweiss|addr}}: your grandfather {{Franz Weiss|weiss}} was held in Butyrka from 3 August to 20 September 1937. Rows 2-4 concern other persons and are shown only because they stand on the same sheet; their names are to be blacked out before the copy is issued.
"""))

DOCS.append(dict(id="doc09", kind="hospital register", records=[
    R("yaremenko", "Anatoly Fyodorovich Yaremenko", ["Anatoly Yaremenko"], "subject", "1939-05-07"),
    R("yaremenko_g", "Galina Mikhailovna Yaremenko", [], "third_party"),
    R("bilyk", "Nadiya Bilyk", [], "third_party"),
    R("tkach", "Vasyl Illich Tkach", ["Vasily Tkach"], "third_party"),
    R("dovgal", "Ivan Dovgal", [], "staff"),
], text="""
DNEPROPETROVSK SPECIAL PSYCHIATRIC HOSPITAL OF THE MVD OF THE USSR
Register of admissions, 1974 (extract, pp. 61-62)

Entry No. 311
Admitted: 19 June 1974, 14:30
Patient: {{Yaremenko Anatoly Fyodorovich|yaremenko}}, b. {{07.05.1939|yaremenko|dob}}
Registered address: {{Kiev, ul. Chkalova 14, kv. 5|yaremenko|addr}}
Grounds: ruling of the Kiev Regional Court of 30.05.1974, case No. 2-117/74 (Art. 62 CC of the Ukr. SSR)
Escorted by: KGB Directorate for the Kiev Region, Captain {{Dovgal|dovgal}}
Diagnosis on admission: sluggish schizophrenia, paranoid development of personality with "reformist ideas"
Ward: 9
Personal effects: coat, glasses, seven letters (handed to the escort)
Next of kin: mother, {{Yaremenko Galina Mikhailovna|yaremenko_g}}, same address
Remarks: visits only with the consent of the KGB. Correspondence with {{Nadiya Bilyk|bilyk}} ({{Lviv, vul. Franka 3, kv. 2|bilyk|addr}}) is forbidden, as she is named in the case.

Entry No. 312
Admitted: 19 June 1974, 15:10
Patient: {{Tkach Vasily Ilyich|tkach}}, b. {{1944|tkach|dob}}
Grounds: ruling of the Zaporozhye Regional Court (Art. 187-1)
Ward: 4

[Attached to entry 311, a letter of the mother, translated: "My {{Tolya|yaremenko}} was always healthy, he only wrote what he thought. Let me see my son." On the envelope, in Russian: «{{Яременко А. Ф.|yaremenko}}».]
"""))

DOCS.append(dict(id="doc10", kind="typed list of persons", records=[
    R("brandt", "Hannelore Brandt", [], "subject", "1952-09-03"),
    R("luedecke", "Peter Lüdecke", [], "subject", "1946-12-21"),
    R("oelschlaeger", "Dieter Oelschläger", [], "subject", "1955-05-17"),
    R("schroeder", "Uwe Schröder", [], "subject", "1960-01-08"),
    R("anke", "Anke Schröder", [], "third_party"),
    R("moewe", "Möwe", [], "informer", None, None, "Möwe"),
    R("kessler", "Jens Kessler", [], "staff"),
    R("rudolph", "Gerd Rudolph", [], "staff"),
], text="""
Ministry for State Security
District Service Unit Rostock, Dept. XX                      Rostock, 02.10.1989
SECRET! 4 copies, copy 2

List of persons to be isolated under the measure "Vorbeugekomplex" (code 4.1.3)
Annex 2 to task plan No. 118/89

No. | Name, first name | Born | PKZ | Address
1 | {{Brandt|brandt}}, {{Hannelore|brandt}} | {{03.09.1952|brandt|dob}} | {{030952 5 2017 3|brandt|id}} | {{Rostock, Kröpeliner Str. 61|brandt|addr}}
2 | {{Lüdecke|luedecke}}, {{Peter|luedecke}} | {{21.12.1946|luedecke|dob}} | {{211246 4 0044 8|luedecke|id}} | {{Rostock-Lütten Klein, Ahlbecker Str. 9|luedecke|addr}}
3 | {{Oelschläger|oelschlaeger}}, {{Dieter|oelschlaeger}} | {{17.05.1955|oelschlaeger|dob}} | {{170555 4 1328 1|oelschlaeger|id}} | {{Warnemünde, Am Strom 44|oelschlaeger|addr}}
4 | {{Schröder|schroeder}}, {{Uwe|schroeder}} | {{08.01.1960|schroeder|dob}} | {{080160 4 2210 9|schroeder|id}} | {{Rostock, Doberaner Str. 112, rear building|schroeder|addr}}

Remarks:
on 1: flat used as meeting place of the ecumenical working group; telephone {{3 46 12|brandt|phone}}.
on 2: according to IMB "{{Möwe|moewe}}", {{Luedecke|luedecke}} keeps a duplicator in his garage.
on 3: {{Oelschlaeger|oelschlaeger}} is currently on sick leave at home.
on 4: lives with his sister {{Anke Schröder|anke}}, who is not to be isolated; {{Uwe|schroeder}} and {{Anke|anke}} use the neighbour's telephone.
Places of isolation: object "Seeblick" (persons 1, 2, 4), object "Forst" (person 3).

Compiled: Ultn. {{Kessler|kessler}}
Head of department: Major {{Rudolph|rudolph}}
"""))
