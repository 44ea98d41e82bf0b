"""Common English first names that almost always belong to one gender, for resolving he/she.

A pronoun goes to the salient person of its gender ("Donald Trump said Hillary Clinton lied. She said …"
is Clinton). The article tells a person's gender by an honorific (Mrs. Clinton) or a pronoun already
resolved to them; before either, the first name is the only clue. Only names that are overwhelmingly of
one gender are listed (no Jordan, Taylor, Kelly, Jesse …); an unlisted name leaves the gender unknown,
which never excludes the person. Hand-written for saidwhat; lower case. Session 8 added the clearly
gendered first names most frequent among PolNeAR's person entities that were missing (Rand, Newt,
Katie, Condoleezza …; "Marty" left out: Marty Walz is a woman); on PolNeAR dev+train this changed 21
resolutions, none right before, about 15 right after on reading (5 stay wrong, 1 is left unresolved).
"""

from __future__ import annotations


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


MALE = _names(
    """
    aaron adam alan albert alex alexander andrew anthony antonio arthur barack ben benjamin bernie bill
    billy bob bobby brad bradley brandon brent brett brian bruce bryan carl carlos charles charlie chris
    christopher chuck clarence craig dan daniel danny darrell dave david dennis derek dick don donald doug
    douglas dwight earl eddie edward eric ernest eugene frank fred frederick gary george gerald glenn
    gordon greg gregory harold harry henry howard ian jack jacob jake james jason jeb jeff jeffrey jeremy
    jerry jim jimmy joe joel john johnny jon jonathan jose joseph josh joshua juan justin keith ken kenneth
    kevin kurt larry lawrence leonard louis luis luke marco marcus mark martin matt matthew michael
    mike mitch mitt mohammed muhammad nathan neil nicholas nick patrick paul peter phil philip ralph randy
    ray raymond reince richard rick robert roger ron ronald roy russell ryan sam samuel scott sean sergei
    stephen steve steven ted thomas tim timothy todd tom tony travis vladimir walter wayne william
    willie
    abraham andy antonin ari bashar barry calvin chad colin corey cory dante dylann ed elijah enrique
    federico fidel franklin gabriel gene geoff gonzalo hank hugh humayun isaac jared jorge karl khizr lamar
    laurence lloyd lou lyndon marc merrick mikhail muammar nate newt oliver omar osama oscar pete
    rafael rand recep rob robby rudolph rudy rupert russ sheldon sherrod stan stuart syed tad terence
    trayvon trey victor xavier zach zachary
    ahmed alberto alejandro alfred alfredo allen alvin andre andres angelo arnold benny bernard boris
    brendan bruno byron caleb cesar clint clifford conrad curtis darren dean desmond diego dmitry dominic
    duncan edgar eduardo edwin emilio emmanuel erik ernesto evan felipe felix fernando francisco gavin
    geoffrey gilbert giovanni giuseppe gustavo hans harvey hector herbert hugo igor ivan jamal javier
    jerome joaquin jonah julian julio kareem lars leon leroy lewis lorenzo lucas luigi malcolm manuel
    mario marvin matteo maurice max miguel milton mohamed moses nathaniel nelson nigel noah norman oleg
    owen pablo pedro pierre raul reginald ricardo roberto rodney rodrigo roland roman salvador saul seth
    shane simon spencer stanley sven theodore tobias troy vernon vincent wesley winston wolfgang yuri
    """
)

FEMALE = _names(
    """
    abigail alice alicia amanda amy ana andrea angela ann anna anne barbara betty beverly brenda carly carol
    caroline carolyn catherine cathy chelsea cheryl christina christine cindy claire claudia cynthia
    deborah debbie debra denise diana diane donna doris dorothy elaine elizabeth ellen emily emma evelyn
    frances gina gloria grace hannah heather heidi helen hillary huma irene ivanka jane janet janice
    jennifer jessica jill joan joanne joyce judith judy julia julie karen kathleen kathryn kathy kellyanne
    kimberly laura lauren linda lisa lois loretta lori louise margaret maria marie marilyn martha
    mary megan megyn melania melanie melissa michelle nancy natalie nicole nikki olivia pamela patricia
    paula rachel rebecca rita ruth samantha sandra sara sarah sharon shirley stephanie susan teresa
    theresa tiffany tina valerie victoria virginia wendy
    condoleezza dianne ivana jeanne jenna joni katie kristen liz lucy madeleine maggie marla melanne
    michele monica patti sonia zeynep zoe
    adriana agnes alexandra alison allison angelica annie audrey beatriz beth bethany bianca bonnie camila
    carla carmen carrie cecilia charlotte chloe clara colleen constance crystal danielle daniela dawn
    dolores edith eleanor elena elise erica erika esther eva florence gabriela gail gwen harriet hazel
    holly ida ingrid irina jacqueline joanna josephine kamala kate katherine kirsten kristin lena lillian
    lorraine lucia lydia marcia margot mariana marianne marjorie marsha maureen meredith mia miriam molly
    nadia naomi natasha nina nora olga pauline peggy phyllis priscilla regina renee rosa rosemary ruby
    sabrina sally sheila sofia sophia stella svetlana sylvia tamara tammy tanya tara ursula vanessa vera
    veronica vivian wanda yolanda yvonne
    """
)


def gender_of(first_name: str) -> str | None:
    """ "m", "f" or None (unknown or not clearly one gender) for a first name, any case."""
    name = first_name.lower()
    if name in MALE:
        return "m"
    if name in FEMALE:
        return "f"
    return None
