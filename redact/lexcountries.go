package redact

// countryNames lists countries and territories, one a line, in English,
// with the Danish and Malay names customers use where they differ.
const countryNames = `
Afghanistan
Albania
Algeria
Andorra
Angola
Antigua and Barbuda
Argentina
Armenia
Australia
Austria
Azerbaijan
Bahamas
Bahrain
Bangladesh
Barbados
Belarus
Belgium
Belize
Benin
Bhutan
Bolivia
Bosnia and Herzegovina
Botswana
Brazil
Brunei
Bulgaria
Burkina Faso
Burundi
Cambodia
Cameroon
Canada
Cape Verde
Central African Republic
Chad
Chile
China
Colombia
Comoros
Congo
Democratic Republic of the Congo
Republic of the Congo
Costa Rica
Croatia
Cuba
Cyprus
Czech Republic
Czechia
Denmark
Djibouti
Dominica
Dominican Republic
East Timor
Timor-Leste
Ecuador
Egypt
El Salvador
Equatorial Guinea
Eritrea
Estonia
Eswatini
Ethiopia
Fiji
Finland
France
Gabon
Gambia
Georgia
Germany
Ghana
Greece
Greenland
Grenada
Guatemala
Guinea
Guinea-Bissau
Guyana
Haiti
Honduras
Hong Kong
Hungary
Iceland
India
Indonesia
Iran
Iraq
Ireland
Isle of Man
Republic of Ireland
Israel
Italy
Ivory Coast
Jamaica
Japan
Jordan
Kazakhstan
Kenya
Kiribati
Korea
South Korea
North Korea
Kosovo
Kuwait
Kyrgyzstan
Laos
Latvia
Lebanon
Lesotho
Liberia
Libya
Liechtenstein
Lithuania
Luxembourg
Macau
Macao
Macedonia
North Macedonia
Madagascar
Malawi
Malaysia
Maldives
Mali
Malta
Marshall Islands
Mauritania
Mauritius
Mexico
Micronesia
Moldova
Monaco
Mongolia
Montenegro
Morocco
Mozambique
Myanmar
Namibia
Nauru
Nepal
Netherlands
Kingdom of the Netherlands
New Zealand
Nicaragua
Niger
Nigeria
Norway
Oman
Pakistan
Palau
Palestine
Panama
Papua New Guinea
Paraguay
Peru
Philippines
Poland
Portugal
Qatar
Romania
Russia
Russian Federation
Rwanda
Saint Kitts and Nevis
Saint Lucia
Saint Vincent and the Grenadines
Samoa
San Marino
Sao Tome and Principe
Saudi Arabia
Senegal
Serbia
Seychelles
Sierra Leone
Singapore
Slovakia
Slovenia
Solomon Islands
Somalia
South Africa
South Sudan
Spain
Sri Lanka
Sudan
Suriname
Swaziland
Sweden
Switzerland
Syria
Taiwan
Tajikistan
Tanzania
Thailand
Togo
Tonga
Trinidad and Tobago
Tunisia
Turkey
Turkmenistan
Turks and Caicos Islands
Tuvalu
Uganda
Ukraine
United Arab Emirates
United Kingdom
United States
United States of America
Uruguay
Uzbekistan
Vanuatu
Vatican City
Venezuela
Vietnam
Yemen
Zambia
Zimbabwe
England
Scotland
Wales
Northern Ireland
Faroe Islands
Puerto Rico
Danmark
Sverige
Norge
Tyskland
Kina
Storbritannien
Holland
Frankrig
Spanien
Italien
Polen
Island
Grønland
Færøerne
Singapura
Jepun
Tiongkok
Amerika Syarikat
`

// cityNames lists cities and regions customers name, one a line: places,
// not people, when written with a capital.
const cityNames = `
Copenhagen
København
Aarhus
Odense
Aalborg
Esbjerg
Randers
Kolding
Horsens
Vejle
Roskilde
Herning
Silkeborg
Hellerup
Frederiksberg
Bornholm
Jutland
Jylland
Zealand
Sjælland
Funen
Fyn
Kuala Lumpur
Shah Alam
Petaling Jaya
Subang Jaya
Johor Bahru
George Town
Penang
Pulau Pinang
Ipoh
Kuching
Kota Kinabalu
Malacca
Melaka
Seremban
Klang
Putrajaya
Cyberjaya
Selangor
Sabah
Sarawak
Johor
Kedah
Kelantan
Terengganu
Pahang
Perak
Perlis
Beijing
Shanghai
Guangzhou
Shenzhen
Chengdu
Hangzhou
Wuhan
Nanjing
Tianjin
Chongqing
Xi'an
Suzhou
Kowloon
Hong Kong Island
New Territories
Taipei
Kaohsiung
Taichung
Tainan
Hsinchu
Singapore
London
Manchester
Birmingham
Leeds
Glasgow
Edinburgh
Bristol
Liverpool
Cardiff
Belfast
New York
Los Angeles
San Francisco
Chicago
Seattle
Boston
Washington
Stockholm
Oslo
Helsinki
Berlin
Hamburg
Amsterdam
Paris
Madrid
Rome
Vienna
Warsaw
Prague
Dublin
Brussels
`
