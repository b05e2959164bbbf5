#!/usr/bin/env bash
# Reference-only documents of the structure corpus: real public documents whose licence
# does not clearly allow committing them to Parley (no licence file, NC/ND, third-party
# copyright inside a code repository). This script documents where each one lives, pinned
# to a commit and a SHA-256, and downloads it into ingest-worker/target/corpus-reference/<id>/.
#
# They are never part of the CI gate (StructureRegressionTests reads only committed
# documents). The benchmark StructureReportTests also measures a downloaded document once
# you put your own expected-outline.json beside it (target/ is not committed):
#
#   ingest-worker/src/test/resources/corpus/fetch-reference-only.sh [id ...]
#   # write target/corpus-reference/<id>/expected-outline.json by hand, then
#   ./mvnw -q -B -ntp -pl ingest-worker -am verify -Dtest=StructureReportTests \
#       -Dgroups=benchmark -Dsurefire.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false
#
# Columns: id | repository | commit | path | why it is reference-only | SHA-256
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="$here/../../../../target/corpus-reference"

documents=(
  'zapf-satzung-latex-pdf|ZaPF/Satzung_der_ZaPF|275962eab21ca6763eef11265b89b9bf83da8767|versions/satzung.pdf|no licence file – ask ZaPF|232ed32e959cd585e836c8a89e952a23edb3c27f0b88bf93eaa1b2a85c1fae6b'
  'metalab-statuten-latex-pdf|Metalab/Statuten|f99197e7bc16b2311b1a9e8b7b3e321081f0d820|Metalab_statuten.pdf|no licence file|aa9914c3563efa22158d101d3af5be23e2bb9c569903ef5bb20c5af0e7fd7d31'
  'de-rse-satzung-word-pdf|DE-RSE/satzung|ce56b1de0bfa1c618ef1cfda2a6ac442fca9c12e|de-RSE-e.V._Satzung_2019-01-07.pdf|no licence file|f59eb9d4dc967bd803109c99dc6e6430c9f46b2099c23745834b535947973ffe'
  'de-rse-satzung-docx|DE-RSE/satzung|81d3a2a84d55e783aec79920a95e1fdb704bf12f|de-RSE - Satzung-V2019-01-07-final.docx|no licence file|a7a532102de6f49cea667a7d667ddf15fb5dc90c3649d1a1871bb702c0725017'
  'umag-reglamento-estudios-libreoffice-pdf|vgomag/umag-reglamentos|282dffe0edd146ecbc57f79ebe6fbfdf0f426c85|Borradores_Reglamentos/Borrador_Reglamento_10_Reglamento_de_Estudios.pdf|no licence file; template-generated draft|b8927d54b4655d7e841f3cac8282cf24358f49155346eb3622dfed69bf31b38d'
  'umag-reglamento-estudios-docx|vgomag/umag-reglamentos|95fc25dd17949c01189f0841b619807e4231a572|Borradores_Reglamentos/Borrador_Reglamento_10_Reglamento_de_Estudios.docx|no licence file; template-generated draft|dfcd862267788d2b9057eea27e172e633ad0af1cc725fb568df86d5e91c74945'
  'boe-codigo-constitucion-pdf|rikseotools/vence|7702eee27e0e7747d1ff6ffa566d020a2e8b51a7|data/examenes/inap-administrativo-archivos-divididos/BOE-442_Normativa_para_ingreso_en_el_Cuerpo_General_Administrativo_de_la_Administracion_del_Estado-1.pdf|CC BY-NC-ND 4.0 © Agencia Estatal BOE (ND forbids adapted copies)|095c03d5c9fb4e23755164a1fb5dad8b009ae1005bcc6f28e02d8a11cb517844'
  'quebec-zonage-word-pdf|jsvine/pdfplumber|0077bf03cac1bc5b7a66056575df221f0b07c1ed|tests/pdfs/zonage_crlf.pdf|© municipality, MIT covers only the code|19e81525fd3804b311b38785e1e3e3dd5d283c632d09400638f5f284e61b2ccb'
  'quebec-rgl-1310-word-pdf|jsvine/pdfplumber|084cf4037fb9616321e0c45a8800f1a287e1b2ef|tests/pdfs/RGL-1310-Identification-Maple-Leaf-adoption.pdf|© municipality|06beea8991061ecf0f574b868ec869fbc1b57416a964a50f4cb4d5814227cdb3'
  'quebec-proces-verbal-word-pdf|jsvine/pdfplumber|3c83366d9d2e4d31c3b2a5ff9b39de7a5305bcd1|tests/pdfs/2023-06-20-PV.pdf|© municipality|8e01f32e6a40f956aad593b0e54c5cec7684285ff4be0c7b754dce3711c67bb4'
  'sigsegv-statuts-latex-pdf|sigsegvfr/statuts|946a5d28c715743f498f1d838121631bf5ab87e0|statuts.pdf|no licence file|27e7503a8c9b3c3ca61721641868e80c257a6813c4b6dad19f90dad53f71db1c'
  'iso-rice-fr-metanorma-pdf|metanorma/mn-samples-iso|b1182c235777e2caa2849c564fd3305770ee8a58|documents/international-standard/rice-2016/document-fr.pdf|© ISO model document|b540828408ef5552fe1b35f34d75b8ec67d79e88a7ace34ac83cd3f93fbe3f23'
  'iso-rice-2023-indesign-pdf|metanorma/mn-samples-iso|007099a890a09387dbf8b4174ade277b36588b2c|reference-docs/model_document-rice_model-202311.pdf|© ISO model document|774a34faa28e193cb8f8e88ec2eea6722435580f3e40a98a713bcefa37befc0e'
  'iso-directives-part2-metanorma-pdf|metanorma/mn-samples-iso|b1182c235777e2caa2849c564fd3305770ee8a58|documents/directives/part2/document.pdf|© ISO/IEC|d63c66dfda58f6beb636e68a96ff3d3242645552b532b54367df7cea40106531'
  'gdpr-council-position-pdf|rememberlenny/Compliance-Documents|0de21d6abd673c4e04e2631675e42e2d6b980d0a|GDPR.pdf|Council of the EU document, reuse policy to be checked|c0ef013c239389bba534e8da229d055ebd759e0298d33238c027abe8596fba27'
  'skule-bylaw-3-chrome-pdf|skule/bylaws|e09634471395fd5a8a9dc5b5ab66751c8874d309|Bylaw 3.pdf|no licence file – ask the society|4f17c2f5976ab0507f0672bb08f6c5add8ed8b518d17380f3b318b4895d96147'
  'cmu-senate-bylaws-latex-pdf|CMU-Senate/bylaws|39faf78ec188b044920747d50f839cb73cdb3287|bylaws.pdf|no licence file|e9c2e818a28da4e62724467df954d7054112c28d4a5f41302ac6e96a555d251c'
  'cmu-senate-bylaws-docx|CMU-Senate/bylaws|39faf78ec188b044920747d50f839cb73cdb3287|bylaws.docx|no licence file|11ca6ea8665dc67c2fcf06168cd7f38ac47fe4902d61306a053a404c4d487e12'
  'bureau-veritas-diesel-pdfium-pdf|camelot-dev/camelot|d606d880d565a89ac80dad777e3aa955c65ca5bd|tests/files/diesel_engines.pdf|© Bureau Veritas|6675404fa9f9cd8fb9d34d9d73056fe8e4823519adab13e8b91233d667ffd13c'
  'icdar2013-eu-004-pdf|camelot-dev/camelot|e0b55f06931383431938b0900bb78a6568a66769|tests/files/tabula/icdar2013-dataset/competition-dataset-eu/eu-004.pdf|ICDAR 2013 dataset terms|f36f2df28c4cf39a14cd814b4cb31b18d3e2a997a1c08472aa3d39b787819cf4'
  'manitoba-bills-status-word-pdf|camelot-dev/camelot|0962b8f4d4db2710a7fecc92ab35821dfabd1f5e|tests/files/canada-manitoba-bills.pdf|© Legislative Assembly of Manitoba|dff4a8722838b78e2747cf3d3ae61b813f18d17b5093a234491a631524843313'
)

wanted=" $* "
for row in "${documents[@]}"; do
  IFS='|' read -r id repo commit path why sha <<<"$row"
  if [[ $# -gt 0 && "$wanted" != *" $id "* ]]; then continue; fi
  extension="${path##*.}"
  file="$target/$id/doc.$extension"
  mkdir -p "$target/$id"
  if [[ ! -f "$file" ]] || ! echo "$sha  $file" | sha256sum --check --status; then
    encoded="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$path")"
    curl --fail --silent --show-error --location --output "$file.part" \
      "https://raw.githubusercontent.com/$repo/$commit/$encoded"
    mv "$file.part" "$file"
  fi
  if ! echo "$sha  $file" | sha256sum --check --status; then
    echo "$id: SHA-256 differs from the pinned $sha; not using it" >&2
    rm -f "$file"
    exit 1
  fi
  echo "$id: $file ($why)"
done
