"""The file to give ``spark-submit`` (it runs a file, not a module): ``herald.spark.job.main``.

``spark-submit [options] $(python -c 'import herald.spark.submit as s; print(s.__file__)') INPUT --out DIR``
"""

import sys

from herald.spark.job import main

if __name__ == "__main__":
    sys.exit(main())
