"""python -m perurel"""

from perurel.cli import main

main()
