import sys

from metrics.demo.generate import main

sys.exit(main())
