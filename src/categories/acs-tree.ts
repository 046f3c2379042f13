/**
 * The category tree a clean ACS bootstraps under cm:categoryRoot/cm:generalclassifiable ("General"):
 * repository/src/main/resources/alfresco/bootstrap/categories.xml with the English names of
 * alfresco/messages/bootstrap-messages.properties (alfresco-community-repo @ 72635d6c8c9f), 333
 * categories. A leaf is its name; a category with subcategories is [name, subcategories].
 */
export type CategoryTreeEntry = string | readonly [string, readonly CategoryTreeEntry[]]

export const ACS_CATEGORY_TREE: readonly CategoryTreeEntry[] = [
  ['Software Document Classification', [
      ['Software Descriptions', [
          ['Main Software Descriptions', [
              'Short System Description', 'Requirement Description', 'Architecture Description',
              'Implementation Description', 'Configuration Description',
            ]],
          ['Software Description Appendices', [
              'Terminology Description', 'Internal Message Description', 'External Message Description',
              'Record Description', 'User Interface Description', 'Process Description',
              'Initialization Description',
            ]],
        ]],
      ['Utilization Documents', [
          "User's Manual", "Operator's Manual", 'Installation Manual', 'Service Manual', "User's Help",
          "Operator's Help", 'Installations Help', 'Service Help',
        ]],
      ['Development Plans', [
          'Responsibility Plan', 'Work Breakdown Plan', 'Schedule Plan', 'Expense Plan', 'Phase Plan',
          'Risk Plan', 'Test Plan', 'Acceptance Plan', 'Manual Plan', 'Method Plan', 'Quality Plan',
          'Documentation Plan', 'Version Control Plan',
        ]],
      ['Quality Documents', [
          'Change Request', 'Analysis Request', 'Information Request', "Reader's Report",
          'Review Report', 'Inspection Report', 'Test Report', 'Review Call', 'Inspection Call',
          'Test Call',
        ]],
      ['Administrative Documents', [
          'Preliminary Contract', 'Development Contract', 'Extended Contract', 'Maintenance Contract',
          'Contract Review Minutes', 'Project Meeting Minutes',
        ]],
    ]],
  ['Languages', [
      ['English', [
          'British English', 'American English', 'Australian English', 'Canadian English',
          'Indian English',
        ]],
      ['French', [
          'French French', 'Canadian French',
        ]],
      ['German', [
          'German German', 'Austrian German', 'Swiss German',
        ]],
      ['Spanish', [
          'Spanish', 'Mexican Spanish', 'American Spanish',
        ]],
    ]],
  ['Regions', [
      ['AFRICA', [
          ['Eastern Africa', [
              'Burundi', 'Comoros', 'Djibouti', 'Eritrea', 'Ethiopia', 'Kenya', 'Madagascar', 'Malawi',
              'Mauritius', 'Mozambique', 'Reunion', 'Rwanda', 'Seychelles', 'Somalia', 'Uganda',
              'United Republic of Tanzania', 'Zambia', 'Zimbabwe',
            ]],
          ['Middle Africa', [
              'Angola', 'Cameroon', 'Central African Republic', 'Chad', 'Congo',
              'Democratic Republic of the Congo', 'Equatorial Guinea', 'Gabon', 'Sao Tome and Principe',
            ]],
          ['Northern Africa', [
              'Algeria', 'Egypt', 'Libyan Arab Jamahiriya', 'Morocco', 'Sudan', 'Tunisia', 'Western Sahara',
            ]],
          ['Southern Africa', [
              'Botswana', 'Lesotho', 'Namibia', 'South Africa', 'Swaziland',
            ]],
          ['Western Africa', [
              'Benin', 'Burkina Faso', 'Cape Verde', "Cote d'Ivoire", 'Gambia', 'Ghana', 'Guinea',
              'Guinea-Bissau', 'Liberia', 'Mali', 'Mauritania', 'Niger', 'Nigeria', 'Saint Helena',
              'Senegal', 'Sierra Leone', 'Togo',
            ]],
        ]],
      ['ASIA', [
          ['Eastern Asia', [
              'China', "Democratic People's Republic of Korea", 'Hong Kong SAR', 'Japan', 'Macao, China',
              'Mongolia', 'Republic of Korea',
            ]],
          ['South-central Asia', [
              'Afghanistan', 'Bangladesh', 'Bhutan', 'India', 'Iran (Islamic Republic of)', 'Kazakhstan',
              'Kyrgyzstan', 'Maldives', 'Nepal', 'Pakistan', 'Sri Lanka', 'Tajikistan', 'Turkmenistan',
              'Uzbekistan',
            ]],
          ['South-eastern Asia', [
              'Brunei Darussalam', 'Cambodia', 'Indonesia', "Lao People's Democratic Republic", 'Malaysia',
              'Myanmar', 'Philippines', 'Singapore', 'Thailand', 'Timor-Leste', 'Viet Nam',
            ]],
          ['Western Asia', [
              'Armenia', 'Azerbaijan', 'Bahrain', 'Cyprus', 'Georgia', 'Iraq', 'Israel', 'Jordan', 'Kuwait',
              'Lebanon', 'Occupied Palestinian Territory', 'Oman', 'Qatar', 'Saudi Arabia',
              'Syrian Arab Republic', 'Turkey', 'United Arab Emirates', 'Yemen',
            ]],
        ]],
      ['EUROPE', [
          ['Eastern Europe', [
              'Belarus', 'Bulgaria', 'Czech Republic', 'Hungary', 'Poland', 'Republic of Moldova', 'Romania',
              'Russian Federation', 'Slovakia', 'Ukraine',
            ]],
          ['Northern Europe', [
              'Channel Islands', 'Denmark', 'Estonia', 'Faeroe Islands', 'Finland', 'Iceland', 'Ireland',
              'Isle of Man', 'Latvia', 'Lithuania', 'Norway', 'Sweden', 'United Kingdom',
            ]],
          ['Southern Europe', [
              'Albania', 'Andorra', 'Bosnia and Herzegovina', 'Croatia', 'Gibraltar', 'Greece', 'Holy See',
              'Italy', 'Malta', 'Portugal', 'San Marino', 'Slovenia', 'Spain',
              'The Former Yugoslav Republic of Macedonia', 'Yugoslavia',
            ]],
          ['Western Europe', [
              'Austria', 'Belgium', 'France', 'Germany', 'Liechtenstein', 'Luxembourg', 'Monaco',
              'Netherlands', 'Switzerland',
            ]],
        ]],
      ['LATIN AMERICA', [
          ['Caribbean', [
              'Anguilla', 'Antigua and Barbuda', 'Aruba', 'Bahamas', 'Barbados', 'British Virgin Islands',
              'Cayman Islands', 'Cuba', 'Dominica', 'Dominican Republic', 'Grenada', 'Guadeloupe', 'Haiti',
              'Jamaica', 'Martinique', 'Montserrat', 'Netherlands Antilles', 'Puerto Rico',
              'Saint Kitts and Nevis', 'Saint Lucia', 'Saint Vincent and Grenadines', 'Trinidad and Tobago',
              'Turks and Caicos Islands', 'United States Virgin Islands',
            ]],
          ['Central America', [
              'Belize', 'Costa Rica', 'El Salvador', 'Guatemala', 'Honduras', 'Mexico', 'Nicaragua',
              'Panama',
            ]],
          ['South America', [
              'Argentina', 'Bolivia', 'Brazil', 'Chile', 'Colombia', 'Ecuador',
              'Falkland Islands (Malvinas)', 'French Guiana', 'Guyana', 'Paraguay', 'Peru', 'Suriname',
              'Uruguay', 'Venezuela',
            ]],
        ]],
      ['NORTHERN AMERICA', [
          'Bermuda', 'Canada', 'Greenland', 'Saint Pierre and Miquelon', 'United States of America',
        ]],
      ['OCEANIA', [
          ['Australia and New Zealand', [
              'Australia', 'New Zealand', 'Norfolk Island',
            ]],
          ['Melanesia', [
              'Fiji', 'New Caledonia', 'Papua New Guinea', 'Solomon Islands', 'Vanuatu',
            ]],
          ['Micronesia', [
              'Federated States of Micronesia', 'Guam', 'Johnston Island', 'Kiribati', 'Marshall Islands',
              'Nauru', 'Northern Mariana Islands', 'Palau',
            ]],
          ['Polynesia', [
              'American Samoa', 'Cook Islands', 'French Polynesia', 'Niue', 'Pitcairn', 'Samoa', 'Tokelau',
              'Tonga', 'Tuvalu', 'Wallis and Futuna Islands',
            ]],
        ]],
    ]],
  'Tags',
]
